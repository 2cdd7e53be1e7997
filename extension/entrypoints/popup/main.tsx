import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { mountPage } from '../../components/mount';

void mountPage().then(() => render(<Popup />, document.getElementById('app')!));
