/** The app with its providers: language, theme, services. */
import { FluentProvider } from '@fluentui/react-components';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { App } from './App';
import { ServicesContext, type Services } from './services';
import { THEMES, type ThemeName } from './theme';

export function Root(props: { i18n: i18n; theme: ThemeName; services: Services }): React.JSX.Element {
  return (
    <I18nextProvider i18n={props.i18n}>
      <FluentProvider theme={THEMES[props.theme]} lang={props.i18n.language}>
        <ServicesContext.Provider value={props.services}>
          <App />
        </ServicesContext.Provider>
      </FluentProvider>
    </I18nextProvider>
  );
}
