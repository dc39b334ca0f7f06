// Inside the widget's shadow root, so a site's styles and ours never mix.
export const widgetCss = `
:host { all: initial; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; }
.bubble { position: fixed; right: 20px; bottom: 20px; width: 56px; height: 56px; border-radius: 50%; border: 0;
  background: #3056d3; color: #fff; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); z-index: 2147483646; }
.bubble svg { width: 26px; height: 26px; vertical-align: middle; }
.panel { position: fixed; right: 20px; bottom: 88px; width: 340px; max-width: calc(100vw - 40px); height: 480px;
  max-height: calc(100vh - 120px); display: flex; flex-direction: column; background: #fff; border-radius: 12px;
  box-shadow: 0 8px 30px rgba(0,0,0,.25); overflow: hidden; z-index: 2147483647; }
.panel[hidden], form[hidden], p[hidden], button[hidden] { display: none; }
header { background: #3056d3; color: #fff; padding: 12px 14px; font-weight: 600; display: flex; justify-content: space-between; align-items: center; }
header button { background: none; border: 0; color: #fff; font-size: 18px; cursor: pointer; }
form { display: flex; flex-direction: column; gap: 8px; padding: 12px; }
input, textarea { font: inherit; padding: 8px; border: 1px solid #c5cbd8; border-radius: 6px; }
button.primary { font: inherit; padding: 8px 12px; border: 0; border-radius: 6px; background: #3056d3; color: #fff; cursor: pointer; }
ol { list-style: none; margin: 0; padding: 12px; flex: 1; overflow-y: auto; display: flex; flex-direction: column; gap: 6px; }
li { max-width: 80%; padding: 6px 10px; border-radius: 10px; background: #eef1f7; align-self: flex-start; white-space: pre-wrap; overflow-wrap: anywhere; }
li.visitor { align-self: flex-end; background: #3056d3; color: #fff; }
li.pending { opacity: .6; }
li .author { display: block; font-size: 11px; color: #4a5365; }
li.visitor .author { color: #e6ebff; }
.composer { flex-direction: row; border-top: 1px solid #e3e6ee; }
.composer textarea { flex: 1; resize: none; }
.composer input[hidden] { display: none; }
.attach { background: none; border: 1px solid #c5cbd8; border-radius: 6px; cursor: pointer; padding: 0 8px; color: #4a5365; }
.attach svg { width: 18px; height: 18px; vertical-align: middle; }
.files { display: flex; flex-direction: column; gap: 4px; margin-top: 4px; }
.files a { color: inherit; }
.files img { display: block; max-width: 200px; max-height: 160px; border-radius: 6px; background: #fff; }
.chips { list-style: none; margin: 0; padding: 6px 12px 0; display: flex; flex-wrap: wrap; gap: 6px; }
.chips[hidden] { display: none; }
.chips li { max-width: 100%; align-self: auto; display: flex; align-items: center; gap: 6px; padding: 3px 4px 3px 10px; border-radius: 14px; font-size: 12px; white-space: normal; }
.chips bdi { display: inline-block; max-width: 150px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chips progress { width: 56px; height: 6px; }
.chips li.refused { background: #fdecec; color: #8a1c1c; flex-wrap: wrap; border-radius: 10px; }
.chips li.refused span { flex: 1 1 100%; order: 3; padding: 0 6px 3px 0; }
.chips button { background: none; border: 0; border-radius: 50%; cursor: pointer; font-size: 16px; line-height: 1; padding: 2px 6px; color: inherit; }
.chips button:hover { background: rgba(0,0,0,.08); }
.seen { display: block; font-size: 11px; text-align: right; color: #e6ebff; }
.note { margin: 0; padding: 4px 12px; font-size: 12px; color: #5b6477; min-height: 1em; }
.note:empty { padding: 0; min-height: 0; }
.panel > button.primary { margin: 0 12px 8px; }
.intro { margin: 0; padding: 12px 12px 0; }
`;
