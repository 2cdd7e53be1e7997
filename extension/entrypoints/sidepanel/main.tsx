import { render } from 'preact';
import { Dashboard } from '../../components/Dashboard';
import { mountPage } from '../../components/mount';

void mountPage().then(() => render(<Dashboard layout="panel" />, document.getElementById('app')!));
