/** The emulator's web view, mounted on its HTTP server at /view. */
export { handleViewRequest, injectMessage, type ViewHost } from './viewRoutes.js';
export { viewState, type ViewState } from './viewState.js';
export { launchChromium, CHROMIUM_PATH, type ViewBrowser } from './chromium.js';
