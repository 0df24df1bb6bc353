/**
 * The web view's browser script (plain ES2020, no framework). Every piece of
 * text reaches the page through textContent or a checked http(s) href, never
 * as HTML, so a feed title like "<script>" shows as those characters.
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var state = { guilds: [], users: {}, messages: {} };
  var current = new URLSearchParams(location.search).get('channel');
  var TEXT_TYPES = [0, 5, 15];
  var FORUM = 15;
  var TOKEN = /<@&(\d+)>|<#(\d+)>|<@!?(\d+)>|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)|\*\*(.+?)\*\*|\\([\\*_~\x60|>\[\]])/g;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function channelById(id) {
    for (var g of state.guilds) for (var c of g.channels) if (c.id === id) return { guild: g, channel: c };
    return null;
  }
  function roleName(id) {
    for (var g of state.guilds) for (var r of g.roles) if (r.id === id) return r.name;
    return 'unknown-role';
  }
  function authorName(m) {
    var a = m.author || {};
    return a.global_name || a.username || state.users[a.id] || 'unknown';
  }
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
  }
  function pill(text) { return el('span', 'mention', text); }

  /** Discord's inline markdown, the part the bot uses: mentions, links, bold, escapes. */
  function inline(parent, text) {
    text = String(text || '');
    var re = new RegExp(TOKEN.source, 'g');
    var last = 0, m;
    while ((m = re.exec(text))) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      if (m[1]) parent.appendChild(pill('@' + roleName(m[1])));
      else if (m[2]) { var ch = channelById(m[2]); parent.appendChild(pill('#' + (ch ? ch.channel.name : 'unknown'))); }
      else if (m[3]) parent.appendChild(pill('@' + (state.users[m[3]] || 'unknown-user')));
      else if (m[4]) { var a = el('a'); a.href = m[5]; a.target = '_blank'; a.rel = 'noopener'; inline(a, m[4]); parent.appendChild(a); }
      else if (m[6]) { var b = el('strong'); inline(b, m[6]); parent.appendChild(b); }
      else if (m[7]) parent.appendChild(document.createTextNode(m[7]));
      last = re.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }
  function when(ts) {
    var d = new Date(ts);
    return isNaN(d.getTime()) ? '' : d.toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
  }
  function colour(c) {
    return typeof c === 'number' ? '#' + c.toString(16).padStart(6, '0') : '#1e1f22';
  }
  function findMessage(channelId, id) {
    var list = state.messages[channelId] || [];
    for (var m of list) if (m.id === id) return m;
    for (var key in state.messages) for (var x of state.messages[key]) if (x.id === id) return x;
    return null;
  }
  function gist(m) {
    if (m.content) return m.content.replace(/<@&(\d+)>/g, function (_, id) { return '@' + roleName(id); });
    var e = (m.embeds || [])[0];
    return e ? e.title || e.description || '' : '';
  }

  function renderEmbed(e) {
    var box = el('div', 'embed');
    box.style.borderLeftColor = colour(e.color);
    if (e.author && e.author.name) box.appendChild(inline(el('div', 'embed-author'), e.author.name));
    if (e.title) {
      var title = el('div', 'embed-title');
      var href = safeUrl(e.url);
      if (href) { var a = el('a'); a.href = href; a.target = '_blank'; a.rel = 'noopener'; inline(a, e.title); title.appendChild(a); }
      else inline(title, e.title);
      box.appendChild(title);
    }
    if (e.description) box.appendChild(inline(el('div', 'embed-description'), e.description));
    if (e.fields && e.fields.length) {
      var fields = el('div', 'embed-fields');
      for (var f of e.fields) {
        var field = el('div', f.inline ? 'embed-field inline' : 'embed-field');
        field.appendChild(inline(el('div', 'embed-field-name'), f.name));
        field.appendChild(inline(el('div', 'embed-field-value'), f.value));
        fields.appendChild(field);
      }
      box.appendChild(fields);
    }
    var footer = [e.footer && e.footer.text, e.timestamp && when(e.timestamp)].filter(Boolean);
    if (footer.length) box.appendChild(el('div', 'embed-footer', footer.join(' \u2022 ')));
    return box;
  }

  function renderMessage(m) {
    var box = el('div', 'message');
    box.dataset.messageId = m.id;
    var ref = m.message_reference;
    if (ref && ref.message_id) {
      var original = findMessage(ref.channel_id || m.channel_id, ref.message_id);
      var quote = el('div', 'reply');
      if (original) {
        quote.appendChild(el('span', 'reply-author', '@' + authorName(original)));
        quote.appendChild(el('span', 'reply-text', gist(original)));
      } else quote.appendChild(el('span', 'reply-text', 'Original message was deleted / 元のメッセージは削除されました'));
      box.appendChild(quote);
    }
    box.appendChild(el('div', 'avatar', authorName(m).slice(0, 1).toUpperCase()));
    var meta = el('div', 'meta');
    meta.appendChild(el('span', 'author', authorName(m)));
    if (m.author && m.author.bot) meta.appendChild(el('span', 'bot-tag', 'BOT'));
    meta.appendChild(el('span', 'time', when(m.timestamp)));
    box.appendChild(meta);
    if (m.content) box.appendChild(inline(el('div', 'content'), m.content));
    for (var e of m.embeds || []) box.appendChild(renderEmbed(e));
    var buttons = [];
    for (var row of m.components || []) for (var c of row.components || []) if (c.label) buttons.push(c.label);
    if (buttons.length) {
      var bar = el('div', 'components');
      for (var label of buttons) { var b = el('button', null, label); b.disabled = true; bar.appendChild(b); }
      box.appendChild(bar);
    }
    if (m.thread && m.thread.id) box.appendChild(renderThread(m.thread));
    return box;
  }

  function renderThread(thread) {
    var box = el('div', 'thread');
    box.dataset.threadId = thread.id;
    var list = state.messages[thread.id] || [];
    var header = el('div', 'thread-header', 'Thread / スレッド: ' + (thread.name || ''));
    header.appendChild(el('span', 'thread-count', list.length + ' message(s) / 件'));
    box.appendChild(header);
    for (var m of list) box.appendChild(renderMessage(m));
    return box;
  }

  function renderNav() {
    var nav = document.getElementById('channels');
    nav.replaceChildren();
    for (var g of state.guilds) {
      nav.appendChild(el('div', 'guild-name', g.name));
      for (var c of g.channels) {
        if (c.type === 4) { nav.appendChild(el('div', 'category', c.name)); continue; }
        var button = el('button', 'channel' + (c.id === current ? ' selected' : ''));
        button.dataset.channelId = c.id;
        button.appendChild(el('span', 'name', (c.type === 2 ? '\u266A ' : c.type === FORUM ? '\u25A4 ' : '# ') + c.name));
        var count = c.type === FORUM ? postsOf(g, c.id).length : (state.messages[c.id] || []).length;
        if (count) button.appendChild(el('span', 'count', count));
        button.addEventListener('click', select.bind(null, c.id));
        nav.appendChild(button);
      }
    }
  }

  function postsOf(guild, forumId) {
    return (guild.threads || []).filter(function (t) { return t.parent_id === forumId; });
  }

  /** A forum: each post with its title and tags, then its messages (the starter first). */
  function renderForum(box, found) {
    var posts = postsOf(found.guild, found.channel.id);
    if (!posts.length) box.appendChild(el('div', 'empty', 'No posts yet / まだ投稿はありません'));
    for (var post of posts) {
      var card = el('div', 'forum-post');
      card.dataset.postId = post.id;
      card.appendChild(el('div', 'forum-title', post.name));
      var tags = el('div', 'forum-tags');
      for (var tagId of post.applied_tags || []) {
        var tag = (found.channel.available_tags || []).find(function (t) { return t.id === tagId; });
        tags.appendChild(el('span', 'forum-tag', tag ? tag.name : 'unknown-tag'));
      }
      if (!(post.applied_tags || []).length) tags.appendChild(el('span', 'forum-no-tags', 'No tags / タグなし'));
      card.appendChild(tags);
      for (var m of state.messages[post.id] || []) card.appendChild(renderMessage(m));
      box.appendChild(card);
    }
  }

  function renderChannel() {
    var found = current ? channelById(current) : null;
    document.getElementById('channel-name').textContent = found ? (found.channel.type === FORUM ? '\u25A4 ' : '# ') + found.channel.name : '';
    document.getElementById('guild-name').textContent = found ? found.guild.name : '';
    var box = document.getElementById('messages');
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    box.replaceChildren();
    if (found && found.channel.type === FORUM) return renderForum(box, found);
    var list = (found && state.messages[current]) || [];
    if (!list.length) box.appendChild(el('div', 'empty', 'No messages yet / まだメッセージはありません'));
    for (var m of list) box.appendChild(renderMessage(m));
    if (atBottom) box.scrollTop = box.scrollHeight;
  }

  function select(id) {
    current = id;
    history.replaceState(null, '', '?channel=' + encodeURIComponent(id));
    render();
  }
  function render() {
    if (!current || !channelById(current)) {
      var first = null;
      for (var g of state.guilds) for (var c of g.channels) {
        if (TEXT_TYPES.indexOf(c.type) === -1) continue;
        if (!first) first = c.id;
        if ((state.messages[c.id] || []).length && !current) current = c.id;
      }
      if (!current) current = first;
    }
    renderNav();
    renderChannel();
  }
  function add(m) {
    var list = state.messages[m.channel_id] || (state.messages[m.channel_id] = []);
    var i = list.findIndex(function (x) { return x.id === m.id; });
    if (i === -1) list.push(m); else list[i] = m;
    render();
  }

  // The stream opens first and the snapshot is read on every (re)connect, so no message falls between them.
  var events = new EventSource('/view/events');
  events.addEventListener('open', function () {
    fetch('/view/state').then(function (r) { return r.json(); }).then(function (s) {
      var pending = state.messages;
      state = s;
      for (var key in pending) for (var m of pending[key]) add(m);
      render();
      document.body.dataset.ready = 'true';
    });
  });
  events.addEventListener('message', function (event) { add(JSON.parse(event.data)); });
})();
`;
