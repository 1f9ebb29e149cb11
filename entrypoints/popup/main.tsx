import { render } from 'preact';
import { askPopup, Popup } from '@/components/Popup';

// Asked before the first render (components/Popup.tsx, askPopup).
render(<Popup asked={askPopup()} />, document.getElementById('app')!);
