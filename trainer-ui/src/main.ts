import { locale } from './i18n/index.ts';
import { installTokens } from './styles/tokens.ts';
import './components/kt-app.ts';

/** Entry point of the trainer UI: design tokens on the document, the page language, then `<kt-app>`. */
installTokens(document);
locale.apply();
