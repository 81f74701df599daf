// "Read this to me": speaks the page's own words with the system's speech synthesis; absent where there is none.
import { useEffect, useState, type RefObject } from 'react';

/** The blocks a reader would read, in page order; anything inside [data-unread] (buttons, forms) is left out. */
export function readableText(root: HTMLElement): string {
  return [...root.querySelectorAll<HTMLElement>('h1, h2, p, li')]
    .filter((block) => !block.closest('[data-unread]'))
    .map((block) => (block.textContent ?? '').trim())
    .filter((text) => text !== '')
    .join('\n');
}

function speechAvailable(): boolean {
  return typeof window.speechSynthesis?.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function';
}

export function ReadAloudButton({ source }: { source: RefObject<HTMLElement | null> }) {
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => {
    if (speechAvailable()) window.speechSynthesis.cancel();
  }, []);
  if (!speechAvailable()) return null;

  const toggle = () => {
    const synth = window.speechSynthesis;
    synth.cancel();
    if (speaking || !source.current) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(readableText(source.current));
    utterance.rate = 0.9;
    utterance.onend = () => setSpeaking(false);
    utterance.onerror = () => setSpeaking(false);
    setSpeaking(true);
    synth.speak(utterance);
  };

  return (
    <button type="button" className="button read-aloud" onClick={toggle}>
      <SpeakerIcon />
      {speaking ? 'Stop reading' : 'Read this to me'}
    </button>
  );
}

function SpeakerIcon() {
  return (
    <svg className="button-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" />
      <path d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" fill="none" />
    </svg>
  );
}
