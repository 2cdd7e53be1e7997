import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { mountPage } from '../../components/mount';

mountPage();
render(<Popup />, document.getElementById('app')!);
