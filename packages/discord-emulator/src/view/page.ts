/** The web view's one page: markup, style and script inline, nothing loaded from outside. */
import { PAGE_SCRIPT } from './pageScript.js';
import { PAGE_STYLE } from './pageStyle.js';

export const VIEW_PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>jikenbo — local Discord view</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<nav id="channels" aria-label="channels"></nav>
<main>
<header><span id="channel-name"></span><span class="guild" id="guild-name"></span></header>
<div id="messages" aria-live="polite"></div>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
