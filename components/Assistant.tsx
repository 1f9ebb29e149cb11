import { useState } from 'preact/hooks';
import type { Advice } from '@/lib/advice';

/** Shadow-root styles: self-contained (no fetch), light and dark. */
export const ASSISTANT_CSS = `
:host { all: initial; }
.box { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; max-width: 320px;
  font: 14px/1.4 system-ui, sans-serif; color: #1b1f24; background: #fff; border: 1px solid #c8ccd1;
  border-left: 4px solid #0b6bcb; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: 12px 14px; }
.box.warn { border-left-color: #c62828; }
h2 { font-size: 15px; margin: 0 0 4px; }
p { margin: 0; }
button { font: inherit; margin-top: 8px; padding: 4px 10px; border-radius: 6px; border: 1px solid #8a9099; background: transparent; color: inherit; cursor: pointer; }
button:focus-visible { outline: 3px solid #0b6bcb; outline-offset: 2px; }
.pill { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; margin: 0; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6e8eb; background: #1f2328; border-color: #444c56; }
  .pill { color: #e6e8eb; background: #1f2328; }
}
`;

export function Assistant({ advice }: { advice: Advice }) {
  const [collapsed, setCollapsed] = useState(false);
  const text = advice.text;
  if (!advice.nextAction) return <div role="status" aria-live="polite" />;
  if (collapsed)
    return (
      <button class="pill" type="button" aria-expanded="false" onClick={() => setCollapsed(false)}>
        {text.expand}
      </button>
    );
  return (
    <section class={advice.nextAction === 'suspicious-site' ? 'box warn' : 'box'} aria-label={text.label} role="status" aria-live="polite">
      <h2>{text.title}</h2>
      <p>{text.detail}</p>
      <button type="button" aria-expanded="true" onClick={() => setCollapsed(true)}>
        {text.collapse}
      </button>
    </section>
  );
}
