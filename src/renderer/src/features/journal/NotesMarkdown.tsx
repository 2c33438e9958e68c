import { Anchor, Typography } from '@mantine/core';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import { Link } from 'react-router';
import { contactIdFromHref } from '../../../../shared/journal/mentions';

/** In-app contact links pass; everything else goes through react-markdown's safe default. */
function urlTransform(url: string): string {
  return contactIdFromHref(url) !== null ? url : defaultUrlTransform(url);
}

const components: Components = {
  a({ href, children }) {
    const contactId = contactIdFromHref(href);
    if (contactId !== null) {
      return (
        <Anchor component={Link} to={`/contacts/${contactId}`} data-mention={contactId}>
          {children}
        </Anchor>
      );
    }
    if (!href) return <>{children}</>;
    // Main opens only https: and mailto: links, in the system browser.
    return (
      <Anchor href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </Anchor>
    );
  },
  img({ alt }) {
    // The app makes no network requests; an image reference shows as its description.
    return <>{alt ?? ''}</>;
  },
};

/** Notes as Markdown. Raw HTML in them is dropped, never rendered. */
export function NotesMarkdown({ notes }: { notes: string }) {
  return (
    <Typography fz="sm">
      <Markdown skipHtml urlTransform={urlTransform} components={components}>
        {notes}
      </Markdown>
    </Typography>
  );
}
