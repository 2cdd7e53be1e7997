import { render } from 'preact';
import { mountPage } from '../../components/mount';
import { Options } from '../../components/Options';

mountPage();
render(<Options />, document.getElementById('app')!);
