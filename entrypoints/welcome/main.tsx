import { render } from 'preact';
import { Welcome } from '@/components/Welcome';

render(<Welcome />, document.getElementById('app')!);
