import { render } from 'preact';
import { mountPage } from '../../components/mount';
import { Options } from '../../components/Options';

void mountPage().then(() => render(<Options />, document.getElementById('app')!));
