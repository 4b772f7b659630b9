// Flopwise page: one form per calculator, built from the API's input specs (GET /api/inputs), answered by the API
// (GET /api/<calc>?field=value, the same JSON as the CLI's --json). Every text from the user or a result goes into
// the page with textContent, never as HTML; plots are SVG from the API, parsed as XML and stripped of anything active.
'use strict';

// Fields that are not numeric inputs (names, choices, sweeps): label, hint, kind; "more" puts them under "More inputs".
const EXTRA = {
  copies: [
    { name: 'sweep', label: 'Sweep of compute, FROM:TO FLOP (instead of compute)', hint: 'One row per decade, e.g. 1e24:1e34.', more: true },
  ],
  train: [
    { name: 'model', label: 'Model preset', hint: 'e.g. llama-2-70b, llama-3.1-405b (or give parameters below).' },
    { name: 'gpu', label: 'GPU', hint: 'An id or alias, e.g. h100, a100, v100.' },
    { name: 'dtype', label: 'Data type', kind: 'select', options: ['', 'fp32', 'tf32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'], hint: 'Default bf16 (fp16 on GPUs without bf16).', more: true },
    { name: 'flopConvention', label: 'FLOP convention', kind: 'select', options: ['', '6n', 'model', 'causal'], hint: 'Default 6n: C = 6·N·D.', more: true },
    { name: 'recompute', label: 'Activation recomputation', kind: 'select', options: ['', 'none', 'selective', 'full'], hint: 'Default none.', more: true },
    { name: 'grid', label: 'Grid region', hint: 'For the carbon intensity, e.g. france, world (instead of grid intensity).', more: true },
    { name: 'sweepGpus', label: 'Sweep of cluster sizes, FROM:TO GPUs (instead of GPUs; draws a plot)', hint: 'One row per doubling, e.g. 256:65536.', more: true },
  ],
  optimal: [
    { name: 'law', label: 'Scaling law', hint: 'A preset (epoch, hoffmann, kaplan, muennighoff, …) or E=…,A=…,B=…,alpha=…,beta=…; default epoch.' },
    { name: 'sweep', label: 'Sweep of compute, FROM:TO FLOP (instead of compute)', hint: 'One row per decade, e.g. 1e20:1e26.', more: true },
  ],
  plan: [
    { name: 'law', label: 'Scaling law', hint: 'A Chinchilla-form preset (epoch, hoffmann, …) or E=…,A=…,B=…,alpha=…,beta=…; default epoch.' },
    { name: 'gpu', label: 'GPU (for dollar costs)', hint: 'An id or alias, e.g. h100.', more: true },
    { name: 'sweepInference', label: 'Sweep of inference tokens, FROM:TO (instead of inference tokens; draws a plot)', hint: 'One row per decade, e.g. 1e9:1e15.', more: true },
  ],
  compare: [
    { name: 'law', label: 'Scaling law', hint: 'A preset or inline constants; default epoch.' },
    { name: 'plan', label: 'Plans, one per line (N:D, optionally :training-usd=…:usd-per-request=…)', kind: 'textarea', hint: 'e.g. 10B:200B and 3B:600B on two lines.' },
    { name: 'matchLoss', label: 'Match loss: extend later plans\u2019 tokens to the first plan\u2019s loss', kind: 'checkbox', more: true },
    { name: 'gpu', label: 'GPU (for dollar costs)', hint: 'An id or alias, e.g. h100.', more: true },
  ],
  fit: [
    { name: 'file', label: 'CSV of training runs', kind: 'file', hint: 'At most 10 MB and 2,000 rows. A shared link keeps the options below, not the file.' },
    { name: 'method', label: 'Method', kind: 'select', options: ['huber', 'likelihood', 'isoflop'], hint: 'huber: Epoch\u2019s summed-Huber grid fit; likelihood: with σ; isoflop: Approach 2.' },
    { name: 'dropHighestLoss', label: 'Drop the k highest-loss rows', hint: 'Epoch drops 5 of the Chinchilla runs; default 0.' },
    { name: 'bootstrap', label: 'Bootstrap resamples (optional)', hint: 'Standard errors and 95% intervals; at most 1,000 here.', more: true },
    { name: 'seed', label: 'Bootstrap seed', hint: 'Default 0.', more: true },
    { name: 'skipBadRows', label: 'Skip rows with missing or non-numeric values', kind: 'checkbox', more: true },
    { name: 'paramsColumn', label: 'Column of parameters N', hint: 'Default: auto-detected.', more: true },
    { name: 'tokensColumn', label: 'Column of tokens D', hint: 'Default: auto-detected.', more: true },
    { name: 'computeColumn', label: 'Column of compute C', hint: 'Default: auto-detected.', more: true },
    { name: 'lossColumn', label: 'Column of loss', hint: 'Default: auto-detected.', more: true },
  ],
};

// Units of result keys, by their suffix (the JSON names end in their unit, as the CLI's).
const UNITS = [
  ['FlopPerSecondPerGpu', 'FLOP/s per GPU'], ['FlopPerSecond', 'FLOP/s'], ['FlopPerToken', 'FLOP/token'],
  ['FlopPerForward', 'FLOP/token'], ['TokensPerSecondPerGpu', 'tokens/s per GPU'], ['tokensPerSecondPerGpu', 'tokens/s per GPU'],
  ['TokensPerSecond', 'tokens/s'], ['tokensPerSecond', 'tokens/s'], ['Flop', 'FLOP'], ['Seconds', 's'], ['Days', 'days'],
  ['Hours', 'h'], ['Years', 'years'], ['Usd', 'USD'], ['Kwh', 'kWh'], ['Mwh', 'MWh'], ['Kg', 'kg CO2e'], ['Watts', 'W'],
  ['Bytes', 'B'], ['Gib', 'GiB'], ['Tasks', 'tasks'], ['trainingFlop', 'FLOP'], ['parameters', 'parameters'], ['tokens', 'tokens'],
];

function unitOf(key) {
  for (const [suffix, unit] of UNITS) {
    if (key.endsWith(suffix)) return unit;
  }
  return '';
}

// As the CLI's tables: whole numbers below 1e7 in full, else 4 significant decimals in scientific notation outside [1e-3, 1e4).
function formatNumber(v) {
  if (typeof v !== 'number') return String(v);
  if (v === 0) return '0';
  const m = Math.abs(v);
  if (m < 1e7 && Number.isInteger(v)) return String(v);
  if (m >= 1e4 || m < 1e-3) {
    const [mantissa, exponent] = v.toExponential(3).split('e');
    const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const sign = exponent.startsWith('-') ? '-' : '+';
    const digits = exponent.replace(/^[+-]/, '').padStart(2, '0');
    return `${trimmed}e${sign}${digits}`;
  }
  return String(Number(v.toPrecision(5)));
}

function formatValue(v) {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === null || v === undefined) return '–';
  return formatNumber(v);
}

function words(key) {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase());
}

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

// ---- building the forms ----

function fieldId(calc, name) { return `${calc}-${name}`; }

function buildField(calc, spec) {
  const id = fieldId(calc, spec.name);
  const wrapper = el('div', { class: 'field', 'data-field': spec.name });
  const label = el('label', { for: id }, spec.label);
  if (spec.unit) label.append(' ', el('span', { class: 'unit' }, `(${spec.unit})`));
  if (spec.required) label.append(' ', el('span', { class: 'required' }, '(required)'));
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  let input;
  const described = `${hintId} ${errorId}`;
  switch (spec.kind) {
    case 'select':
      input = el('select', { id, name: spec.name, 'aria-describedby': described });
      for (const option of spec.options) input.append(el('option', { value: option }, option === '' ? '(default)' : option));
      break;
    case 'textarea':
      input = el('textarea', { id, name: spec.name, rows: 3, spellcheck: 'false', 'aria-describedby': described });
      break;
    case 'checkbox':
      input = el('input', { id, name: spec.name, type: 'checkbox', value: 'true', 'aria-describedby': described });
      break;
    case 'file':
      input = el('input', { id, name: spec.name, type: 'file', accept: '.csv,text/csv', 'aria-describedby': described });
      break;
    default:
      input = el('input', {
        id, name: spec.name, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': described,
        placeholder: spec.default !== undefined && spec.default !== null ? `default ${formatNumber(spec.default)}` : undefined,
        list: spec.names ? `names-${spec.name}` : undefined,
      });
  }
  const hint = el('p', { class: 'hint', id: hintId }, spec.hint ?? spec.description ?? '');
  if (spec.source && spec.default !== null && spec.default !== undefined) hint.append(' ', el('span', { class: 'source' }, `Default from: ${spec.source}.`));
  const error = el('p', { class: 'error', id: errorId, 'aria-live': 'polite' });
  if (spec.kind === 'checkbox') wrapper.append(input, ' ', label, hint, error);
  else wrapper.append(label, input, hint, error);
  return wrapper;
}

// One <datalist> per name field (model presets, GPU ids, law presets, grid regions), shared by every form.
function buildNameLists(names) {
  for (const [field, values] of Object.entries(names ?? {})) {
    const list = el('datalist', { id: `names-${field}` });
    for (const value of values) list.append(el('option', { value }));
    document.body.append(list);
  }
}

function buildForm(section, specs) {
  const calc = section.dataset.calc;
  const primary = (section.dataset.primary || '').split(' ').filter(Boolean);
  const names = specs.names ?? {};
  const extras = (EXTRA[calc] ?? []).map(extra => (names[extra.name] ? { ...extra, names: true } : extra));
  const numeric = specs[calc] ?? [];
  const form = el('form', { 'data-calc': calc, novalidate: true, 'aria-describedby': `${calc}-form-error` });
  const main = el('div', { class: 'fields' });
  const more = el('div', { class: 'fields' });
  for (const extra of extras) (extra.more ? more : main).append(buildField(calc, extra));
  for (const spec of numeric) (primary.includes(spec.name) ? main : more).append(buildField(calc, spec));
  form.append(main);
  if (more.childElementCount > 0) {
    const details = el('details');
    details.append(el('summary', {}, 'More inputs'), more);
    form.append(details);
  }
  const actions = el('div', { class: 'actions' });
  actions.append(el('button', { type: 'submit' }, 'Calculate'));
  form.append(actions, el('p', { class: 'form-error', id: `${calc}-form-error`, role: 'alert' }));
  const result = el('div', { class: 'result', 'aria-live': 'polite' });
  section.append(form, result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    run(section, true);
  });
}

// ---- collecting inputs and the address ----

function collect(form) {
  const params = new URLSearchParams();
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (input.type === 'file') continue;
    if (input.type === 'checkbox') {
      if (input.checked) params.append(input.name, 'true');
      continue;
    }
    if (input.tagName === 'TEXTAREA') {
      for (const line of input.value.split(/\r?\n/)) if (line.trim() !== '') params.append(input.name, line.trim());
      continue;
    }
    if (input.value.trim() !== '') params.append(input.name, input.value.trim());
  }
  return params;
}

function fill(form, params) {
  for (const input of form.querySelectorAll('input, select, textarea')) {
    if (input.type === 'file') continue;
    const values = params.getAll(input.name);
    if (input.type === 'checkbox') input.checked = values.includes('true');
    else if (input.tagName === 'TEXTAREA') input.value = values.join('\n');
    else input.value = values.length > 0 ? values[0] : '';
  }
  // Show the optional inputs a link sets, so that what produced the result is visible.
  for (const details of form.querySelectorAll('details')) {
    details.open = [...details.querySelectorAll('input, select, textarea')].some(i => (i.type === 'checkbox' ? i.checked : i.type !== 'file' && i.value !== ''));
  }
}

// ---- errors ----

function clearErrors(section) {
  for (const p of section.querySelectorAll('.error, .form-error')) p.textContent = '';
  for (const input of section.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

function showErrors(section, problem) {
  const calc = section.dataset.calc;
  const formError = section.querySelector('.form-error');
  const entries = Array.isArray(problem.fields) ? problem.fields : [];
  let first = null;
  const unplaced = [];
  for (const entry of entries) {
    const text = `Error: ${entry.problem} (got ${entry.value}; expected ${entry.expected})`;
    const input = section.querySelector(`#${CSS.escape(fieldId(calc, entry.field))}`);
    if (input) {
      const error = section.querySelector(`#${CSS.escape(fieldId(calc, entry.field))}-error`);
      error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
      input.setAttribute('aria-invalid', 'true');
      if (input.closest('details')) input.closest('details').open = true;
      first ??= input;
    } else {
      unplaced.push(`${entry.field}: ${text}`);
    }
  }
  if (entries.length === 0) unplaced.push(`Error: ${problem.detail ?? problem.title ?? 'the request failed'}`);
  formError.textContent = unplaced.join(' ');
  if (first) first.focus();
  else formError.focus?.();
}

// ---- results ----

function flatten(object, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.push(...flatten(value, path));
    else if (!Array.isArray(value)) out.push([path, value]);
  }
  return out;
}

function table(caption, headers, rows) {
  const t = el('table');
  t.append(el('caption', {}, caption));
  const head = el('tr');
  for (const h of headers) head.append(el('th', { scope: 'col' }, h));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  for (const row of rows) body.append(row);
  t.append(body);
  return t;
}

function renderOutputs(body) {
  const parts = [];
  const scalars = flatten(Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'assumptions' && k !== 'rows' && k !== 'notDerived')));
  if (scalars.length > 0) {
    const rows = scalars.map(([key, value]) => {
      const tr = el('tr', { 'data-key': key });
      const last = key.split('.').pop();
      tr.append(el('th', { scope: 'row' }, key.split('.').map(words).join(' · ')),
        el('td', { class: typeof value === 'string' ? 'value text' : 'value' }, typeof value === 'string' ? value : formatValue(value)),
        el('td', { class: 'unit' }, typeof value === 'number' ? unitOf(last) : ''));
      return tr;
    });
    parts.push(table('Results', ['Output', 'Value', 'Unit'], rows));
  }
  if (Array.isArray(body.rows)) {
    const flat = body.rows.map(r => flatten(r));
    const keys = [...new Set(flat.flatMap(r => r.map(([k]) => k)))];
    const rows = flat.map((r, i) => {
      const tr = el('tr', { 'data-row': i });
      const map = new Map(r);
      for (const key of keys) {
        const v = map.get(key);
        tr.append(el('td', { 'data-key': key }, typeof v === 'string' ? v : formatValue(v)));
      }
      return tr;
    });
    parts.push(table('Rows', keys.map(k => { const u = unitOf(k.split('.').pop()); return u ? `${words(k)} (${u})` : words(k); }), rows));
  }
  for (const key of ['notes', 'warnings']) {
    if (Array.isArray(body[key]) && body[key].length > 0) {
      const list = el('ul', { class: key });
      for (const item of body[key]) list.append(el('li', {}, String(item)));
      parts.push(el('h3', {}, words(key)), list);
    }
  }
  if (Array.isArray(body.notDerived) && body.notDerived.length > 0) {
    const list = el('ul', { class: 'not-derived' });
    for (const m of body.notDerived) list.append(el('li', {}, `${words(m.key)}: not derived (${m.reason})`));
    parts.push(el('h3', {}, 'Not derived'), list);
  }
  return parts;
}

function renderAssumptions(assumptions) {
  if (!Array.isArray(assumptions) || assumptions.length === 0) return [];
  const rows = assumptions.map(a => {
    const tr = el('tr', { 'data-name': a.name });
    const value = a.value ?? a.text;
    const origin = a.default === true || a.isDefault === true ? `default${a.source ? ` (${a.source})` : ''}` : 'given';
    tr.append(el('th', { scope: 'row' }, a.label ?? words(a.name)),
      el('td', {}, typeof value === 'number' ? formatNumber(value) : String(value ?? '')),
      el('td', {}, a.unit ?? ''),
      el('td', {}, origin),
      el('td', {}, a.description ?? ''));
    return tr;
  });
  return [table('Assumptions used', ['Input', 'Value', 'Unit', 'Origin', 'Meaning'], rows)];
}

// Parses the API's SVG as XML and keeps only drawing: no scripts, foreign content, event handlers or outside links.
function safeSvg(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg' || doc.querySelector('parsererror')) return null;
  for (const bad of svg.querySelectorAll('script, foreignObject, iframe, object, embed')) bad.remove();
  for (const node of [svg, ...svg.querySelectorAll('*')]) {
    for (const attribute of [...node.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'xlink:href') && !value.startsWith('#'))) node.removeAttribute(attribute.name);
    }
  }
  const width = svg.getAttribute('width');
  const height = svg.getAttribute('height');
  if (!svg.hasAttribute('viewBox') && width && height) svg.setAttribute('viewBox', `0 0 ${parseFloat(width)} ${parseFloat(height)}`);
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('role', 'img');
  return document.importNode(svg, true);
}

async function loadPlot(section, request, figure) {
  try {
    const response = await request();
    if (!response.ok) {
      figure.replaceChildren(el('p', { class: 'plot-note' }, 'No plot for these inputs.'));
      return;
    }
    const svg = safeSvg(await response.text());
    if (!svg) {
      figure.replaceChildren(el('p', { class: 'plot-note' }, 'The plot could not be read.'));
      return;
    }
    svg.setAttribute('aria-label', `Plot of the ${section.querySelector('h2').textContent} result`);
    figure.replaceChildren(svg, el('figcaption', {}, 'Plot (SVG).'));
  } catch (e) {
    figure.replaceChildren(el('p', { class: 'plot-note' }, `The plot failed to load: ${e}`));
  }
}

function wantsPlot(section, params) {
  const plot = section.dataset.plot;
  if (plot === 'never') return false;
  if (plot === 'always') return true;
  return params.has(plot);
}

function shareUrl(calc, params) {
  const query = new URLSearchParams([['calc', calc], ...params]);
  return `${location.pathname}?${query}#${calc}`;
}

async function run(section, push) {
  const calc = section.dataset.calc;
  const form = section.querySelector('form');
  const result = section.querySelector('.result');
  const params = collect(form);
  clearErrors(section);
  const link = shareUrl(calc, params);
  if (push) history.pushState({ calc }, '', link);
  result.replaceChildren(el('p', { class: 'busy', role: 'status' }, 'Calculating…'));
  section.setAttribute('aria-busy', 'true');
  let response;
  let plotRequest;
  try {
    if (calc === 'fit') {
      const data = new FormData(form);
      for (const box of form.querySelectorAll('input[type=checkbox]')) if (!box.checked) data.delete(box.name);
      for (const [key, value] of [...data.entries()]) if (typeof value === 'string' && value.trim() === '') data.delete(key);
      response = await fetch('/api/fit', { method: 'POST', body: data });
      plotRequest = () => fetch('/api/fit/plot', { method: 'POST', body: data });
    } else {
      response = await fetch(`/api/${calc}?${params}`);
      plotRequest = () => fetch(`/api/${calc}/plot?${params}`);
    }
    const body = await response.json();
    if (!response.ok) {
      result.replaceChildren();
      showErrors(section, body);
      return;
    }
    const share = el('p', { class: 'share' });
    share.append('Link to this result: ', el('a', { href: link, class: 'share-link' }, 'copy this address'));
    const parts = [share, ...renderOutputs(body), ...renderAssumptions(body.assumptions)];
    let figure = null;
    if (wantsPlot(section, params)) {
      figure = el('figure', { class: 'plot' }, '');
      figure.append(el('p', { class: 'plot-note' }, 'Drawing the plot…'));
      parts.push(figure);
    }
    result.replaceChildren(...parts);
    if (figure) await loadPlot(section, plotRequest, figure);
  } catch (e) {
    result.replaceChildren();
    section.querySelector('.form-error').textContent = `Error: the request failed (${e}).`;
  } finally {
    section.removeAttribute('aria-busy');
  }
}

function openFromAddress() {
  const params = new URLSearchParams(location.search);
  const calc = params.get('calc');
  if (!calc) return;
  const section = document.querySelector(`section[data-calc="${CSS.escape(calc)}"]`);
  if (!section) return;
  params.delete('calc');
  fill(section.querySelector('form'), params);
  section.scrollIntoView();
  if (calc !== 'fit') run(section, false);
}

async function start() {
  const loading = document.getElementById('loading');
  try {
    const response = await fetch('/api/inputs');
    const specs = await response.json();
    buildNameLists(specs.names);
    for (const section of document.querySelectorAll('section[data-calc]')) buildForm(section, specs);
    loading.remove();
    document.body.dataset.ready = 'true';
    openFromAddress();
    window.addEventListener('popstate', openFromAddress);
  } catch (e) {
    loading.textContent = `The calculators could not be loaded: ${e}`;
  }
}

start();
