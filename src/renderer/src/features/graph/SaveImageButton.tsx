import { useSigma } from '@react-sigma/core';
import { Button, Text } from '@mantine/core';
import { downloadAsPNG } from '@sigma/export-image';
import { useState } from 'react';
import { localDate } from '../../../../shared/journal/quickLog';

/**
 * Saves the graph as drawn (filters, highlights and labels as on screen, the view's size and
 * zoom) as a PNG on a white ground, through the browser's download: in the app, a save dialog.
 */
export function SaveImageButton() {
  const sigma = useSigma();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadAsPNG(sigma, {
        fileName: `rapport-network-${localDate(new Date())}`,
        backgroundColor: '#ffffff',
        // Labels are drawn a microtask after a render (labelDrawer.ts): wait for them before the copy.
        withTempRenderer: () => new Promise<void>((resolve) => queueMicrotask(resolve)),
      });
    } catch (e) {
      setError(`The picture could not be made: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="default" loading={busy} onClick={() => void save()}>
        Save as image
      </Button>
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
