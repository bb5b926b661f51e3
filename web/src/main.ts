import { createApp } from 'vue';
import App from './App.vue';
import { refreshToken } from '@/api/client';
import { router } from '@/router';
import { session, watchActivity } from '@/session';
import './styles/main.css';

session.refreshWith(refreshToken);
watchActivity();

createApp(App).use(router).mount('#app');
