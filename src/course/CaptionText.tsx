import { useMemo } from 'react';
import { glossaryById } from './glossary';
import { glossaryHash, linkTerms } from './terms';

/** The app's own address (not a host page's: a scene may be embedded in someone else's page). */
const appBase = (): string => new URL(import.meta.env.BASE_URL, import.meta.url).href;

/**
 * A step caption with the first occurrence of each glossary term linked to its entry; the text
 * itself is unchanged. In an embed the link opens the app's glossary in a new tab.
 */
export function CaptionText({ text, embed }: { text: string; embed: boolean }) {
  const segments = useMemo(() => linkTerms(text), [text]);
  return (
    <>
      {segments.map((s, k) => {
        const entry = s.term ? glossaryById(s.term) : undefined;
        if (!entry) return s.text;
        const hash = glossaryHash(entry.id);
        return (
          <a
            key={k}
            className="term-link"
            href={embed ? appBase() + hash : hash}
            title={`Glossary: ${entry.term}`}
            {...(embed ? { target: '_blank', rel: 'noopener' } : {})}
          >
            {s.text}
          </a>
        );
      })}
    </>
  );
}
