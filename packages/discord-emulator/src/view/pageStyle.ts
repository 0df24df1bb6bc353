import { VIEW_FONT_FACES } from './viewFonts.js';

/** The web view's stylesheet: Discord's dark theme, closely enough to judge how an alert reads. */
export const PAGE_STYLE = String.raw`
${VIEW_FONT_FACES}
* { box-sizing: border-box; }
body { margin: 0; display: flex; height: 100vh; background: #313338; color: #dbdee1;
  font: 15px/1.375 "Noto Sans", "Noto Sans JP", "Noto Sans CJK JP", "Helvetica Neue", Arial, sans-serif; }
nav { width: 240px; flex: none; background: #2b2d31; overflow-y: auto; padding: 8px 8px 16px; }
.guild-name { color: #f2f3f5; font-weight: 700; padding: 12px 8px 8px; border-bottom: 1px solid #1f2023; margin-bottom: 8px; }
.category { color: #949ba4; font-size: 12px; font-weight: 700; text-transform: uppercase; padding: 16px 8px 4px; }
.channel { display: flex; width: 100%; border: 0; background: none; color: #949ba4; font: inherit;
  text-align: left; padding: 6px 8px; border-radius: 4px; cursor: pointer; }
.channel:hover { background: #35373c; color: #dbdee1; }
.channel.selected { background: #404249; color: #f2f3f5; }
.channel .name { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.channel .count { background: #5865f2; color: #fff; border-radius: 8px; font-size: 12px; padding: 0 6px; }
main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
header { height: 48px; flex: none; display: flex; align-items: center; padding: 0 16px; gap: 8px;
  border-bottom: 1px solid #1f2023; color: #f2f3f5; font-weight: 700; }
header .guild { color: #949ba4; font-weight: 400; font-size: 13px; }
#messages { flex: 1; overflow-y: auto; padding: 16px 0; }
.empty { color: #949ba4; padding: 16px; }
.message { display: grid; grid-template-columns: 56px 1fr; padding: 4px 16px 4px 0; }
.message:hover { background: #2e3035; }
.reply { grid-column: 2; display: flex; gap: 6px; font-size: 13px; color: #b5bac1; white-space: nowrap;
  overflow: hidden; position: relative; }
.reply::before { content: ""; position: absolute; left: -36px; top: 8px; width: 30px; height: 10px;
  border: 2px solid #4e5058; border-right: 0; border-bottom: 0; border-top-left-radius: 6px; }
.reply-author { color: #f2f3f5; font-weight: 600; }
.reply-text { overflow: hidden; text-overflow: ellipsis; }
.avatar { grid-row: span 9; width: 40px; height: 40px; margin: 2px 8px 0 16px; border-radius: 50%;
  background: #5865f2; color: #fff; display: flex; align-items: center; justify-content: center; font-weight: 700; }
.meta { display: flex; align-items: baseline; gap: 6px; }
.author { color: #f2f3f5; font-weight: 600; }
.bot-tag { background: #5865f2; color: #fff; font-size: 10px; font-weight: 700; padding: 0 4px; border-radius: 3px; }
.time { color: #949ba4; font-size: 12px; }
.content { white-space: pre-wrap; overflow-wrap: anywhere; }
.mention { background: rgba(88, 101, 242, 0.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; font-weight: 500; }
a { color: #00a8fc; text-decoration: none; }
a:hover { text-decoration: underline; }
.embed { grid-column: 2; max-width: 520px; margin-top: 4px; background: #2b2d31; border-left: 4px solid #1e1f22;
  border-radius: 4px; padding: 8px 16px 16px 12px; display: grid; gap: 8px; }
.embed-author { font-size: 14px; font-weight: 600; color: #f2f3f5; }
.embed-title { font-weight: 600; color: #f2f3f5; overflow-wrap: anywhere; }
.embed-description { font-size: 14px; white-space: pre-wrap; }
.embed-fields { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 8px; }
.embed-field { grid-column: 1 / -1; font-size: 14px; min-width: 0; }
.embed-field.inline { grid-column: auto; }
.embed-field-name { font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.embed-field-value { white-space: pre-wrap; overflow-wrap: anywhere; }
.embed-footer { font-size: 12px; color: #b5bac1; }
.components { grid-column: 2; display: flex; gap: 8px; margin-top: 6px; flex-wrap: wrap; }
.components button { background: #4e5058; color: #fff; border: 0; border-radius: 3px; padding: 4px 14px; font: inherit; font-size: 14px; }
.thread { grid-column: 2; margin-top: 6px; border-left: 2px solid #4e5058; padding-left: 8px; }
.thread-header { font-size: 14px; font-weight: 600; color: #f2f3f5; padding: 2px 0 4px; }
.thread-header .thread-count { color: #00a8fc; font-weight: 400; margin-left: 8px; }
.thread .message { grid-template-columns: 40px 1fr; padding-right: 0; }
.thread .avatar { width: 28px; height: 28px; margin: 2px 8px 0 0; font-size: 12px; }

.forum-post { margin: 8px 16px 16px; background: #2b2d31; border-radius: 8px; padding: 12px 0 8px; }
.forum-title { color: #f2f3f5; font-weight: 700; font-size: 16px; padding: 0 16px 6px; }
.forum-tags { display: flex; gap: 6px; flex-wrap: wrap; padding: 0 16px 8px; }
.forum-tag { background: #404249; color: #dbdee1; border-radius: 12px; padding: 1px 10px; font-size: 13px; }
.forum-no-tags { color: #949ba4; font-size: 13px; }
`;
