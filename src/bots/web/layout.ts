import { html, SafeHtml } from './html.ts';

/** What the page frame needs to know about the visitor. */
export interface Frame {
  readonly title: string;
  readonly csrf: string;
  /** Signed-in display name, or undefined for a visitor. */
  readonly who?: string;
  /** Show the Moderation link. */
  readonly moderator?: boolean;
  /** The board of this community in the navigation. */
  readonly boardPath?: string;
  /** The current path (sign-in comes back here). */
  readonly path: string;
}

// why: one small stylesheet inline keeps pages build-free and readable on a 390 px phone
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1f;background:#fafafa}
a{color:#0b57d0}
header{background:#1b1b1f;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
header a{color:#fff}
header nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center}
header form{display:inline}
header button{background:none;border:1px solid #fff;color:#fff;padding:.2rem .6rem}
.brand{font-weight:700;margin-right:auto}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem;z-index:2}
.reply{background:#fff;border:1px solid #d0d0d7;border-radius:6px;padding:1rem;margin:0 0 1rem}
.reply.error{border-color:#b3261e;background:#fff5f4}
.reply>h2:first-child,.reply>p:first-child{margin-top:0}
.records{list-style:none;padding:0;margin:0}
.records>li{border-top:1px solid #e3e3e8;padding:.75rem 0}
.sub{color:#4a4a55;margin:0}
dl.fields{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.fields dt{font-weight:600}
dl.fields dd{margin:0;overflow-wrap:anywhere}
@media (max-width:600px){dl.fields{grid-template-columns:1fr;gap:0}dl.fields dd{margin-bottom:.5rem}}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.5rem}
.actions form{display:inline}
button,.button{font:inherit;padding:.4rem .8rem;border-radius:4px;border:1px solid #0b57d0;background:#0b57d0;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#0b57d0}
button.danger{background:#b3261e;border-color:#b3261e}
input,select,textarea{font:inherit;padding:.35rem;border:1px solid #6b6b76;border-radius:4px;max-width:100%}
textarea{width:100%}
form.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));gap:.5rem;align-items:end;margin-bottom:1rem}
form.filters label,.stack label{display:flex;flex-direction:column;font-weight:600}
fieldset{border:1px solid #d0d0d7;border-radius:6px}
.stack{display:flex;flex-direction:column;gap:.5rem;max-width:30rem;margin:1rem 0}
.check{flex-direction:row!important;gap:.4rem;align-items:center;font-weight:400!important}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #d0d0d7;padding:.35rem;text-align:left;vertical-align:top}
.table-wrap{overflow-x:auto}
.footer{color:#4a4a55;font-size:.9rem}
.pager{display:flex;gap:1rem;margin:1rem 0}
:focus-visible{outline:3px solid #f9ab00;outline-offset:2px}
`;

// The stylesheet is a trusted constant, not user text: it must reach the page unescaped.
const STYLE = new SafeHtml(CSS);

/** The whole page around `body`: navigation, sign-in state, skip link. */
export function page(frame: Frame, body: SafeHtml): SafeHtml {
  const signIn = frame.who
    ? html`<span>Signed in as ${frame.who}</span>
        <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${frame.csrf}"><button type="submit">Sign out</button></form>`
    : html`<a href="/login?next=${encodeURIComponent(frame.path)}">Sign in</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · imgbot</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
  <a class="brand" href="/">imgbot</a>
  <nav aria-label="Main">
    ${frame.boardPath ? html`<a href="${frame.boardPath}">Listings</a>` : ''}
    ${frame.who ? html`<a href="/me">My page</a>` : ''}
    ${frame.moderator ? html`<a href="/mod">Moderation</a>` : ''}
    ${signIn}
  </nav>
</header>
<main id="main">
<h1>${frame.title}</h1>
${body}
</main>
</body>
</html>`;
}
