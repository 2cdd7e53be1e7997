import { render } from 'preact';
import { Dashboard } from '../../components/Dashboard';
import { mountPage } from '../../components/mount';

void mountPage().then(() => render(<Dashboard layout="tab" />, document.getElementById('app')!));
