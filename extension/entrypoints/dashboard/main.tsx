import { render } from 'preact';
import { Dashboard } from '../../components/Dashboard';
import { mountPage } from '../../components/mount';

mountPage();
render(<Dashboard layout="tab" />, document.getElementById('app')!);
