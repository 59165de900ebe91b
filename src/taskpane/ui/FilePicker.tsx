/** A button that opens the system's file chooser (the file input itself stays hidden; tests reach it by test id). */
import { Button, makeStyles, type ButtonProps } from '@fluentui/react-components';
import { useRef } from 'react';

const useStyles = makeStyles({ hidden: { display: 'none' } });

export function FilePicker(props: {
  label: string;
  accept: string;
  multiple?: boolean;
  appearance?: ButtonProps['appearance'];
  testId?: string;
  onFiles(files: File[]): void;
}): React.JSX.Element {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={props.appearance ?? 'secondary'} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        multiple={props.multiple}
        accept={props.accept}
        aria-label={props.label}
        data-testid={props.testId}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // the same file can be picked again
          if (files.length > 0) props.onFiles(files);
        }}
      />
    </>
  );
}
