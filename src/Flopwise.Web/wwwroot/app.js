// Flopwise page: one form per calculator, built from the API's input specs (GET /api/inputs), answered by the API
// (GET /api/<calc>?field=value, the same JSON as the CLI's --json). Every text from the user or a result goes into
// the page with textContent, never as HTML; plots are SVG from the API, parsed as XML and stripped of anything active.
'use strict';

// The Monte Carlo fields of the calculators whose numbers may be distributions, as the CLI's --samples, --seed, --sensitivity.
const MONTE_CARLO = [
  { name: 'samples', label: 'Monte Carlo samples', hint: 'With a range in any field; default 10,000, at most 100,000 here.', more: true },
  { name: 'seed', label: 'Monte Carlo seed', hint: 'Default 0; the same seed gives the same answer.', more: true },
  { name: 'sensitivity', label: 'Sensitivity of an output (its JSON name, e.g. costUsd)', hint: 'Swings each uncertain input from its 5th to its 95th percentile: a tornado.', more: true },
];

const HF_CONFIG = {
  name: 'hfConfig', label: 'Hugging Face config.json (instead of a preset)', kind: 'file', accept: '.json,application/json',
  hint: 'At most 1 MB; read for this answer only, never stored. A shared link keeps the other inputs, not the file.', more: true,
};

// Fields that are not numeric inputs (names, choices, sweeps): label, hint, kind; "more" puts them under "More inputs".
// Only for the calculators not yet declared in Core: a declared calculator lists all of its fields in GET /api/inputs
// (calculators[].fields), and its section is built from that alone.
const EXTRA = {
  optimal: [
    { name: 'law', label: 'Scaling law', hint: 'A preset (epoch, hoffmann, kaplan, muennighoff, …), E=…,A=…,B=…,alpha=…,beta=…, or a mixture epoch:0.7|hoffmann:0.3; default epoch.' },
    { name: 'sweep', label: 'Sweep of compute, FROM:TO FLOP (instead of compute)', hint: 'One row per decade, e.g. 1e20:1e26.', more: true },
    ...MONTE_CARLO,
  ],
  plan: [
    { name: 'law', label: 'Scaling law', hint: 'A Chinchilla-form preset (epoch, hoffmann, …) or E=…,A=…,B=…,alpha=…,beta=…; default epoch.' },
    { name: 'gpu', label: 'GPU (for dollar costs)', hint: 'An id or alias, e.g. h100.', more: true },
    { name: 'sweepInference', label: 'Sweep of inference tokens, FROM:TO (instead of inference tokens; draws a plot)', hint: 'One row per decade, e.g. 1e9:1e15.', more: true },
    ...MONTE_CARLO,
  ],
  compare: [
    { name: 'law', label: 'Scaling law', hint: 'A preset or inline constants; default epoch.' },
    { name: 'plan', label: 'Plans, one per line (N:D, optionally :training-usd=…:usd-per-request=…)', kind: 'textarea', hint: 'e.g. 10B:200B and 3B:600B on two lines.' },
    { name: 'matchLoss', label: 'Match loss: extend later plans\u2019 tokens to the first plan\u2019s loss', kind: 'checkbox', more: true },
    { name: 'gpu', label: 'GPU (for dollar costs)', hint: 'An id or alias, e.g. h100.', more: true },
    ...MONTE_CARLO,
  ],
  serve: [
    { name: 'model', label: 'Model preset', hint: 'e.g. llama-2-7b, llama-3.1-70b (or a config.json, or shape fields).' },
    { name: 'gpu', label: 'GPU', hint: 'An id or alias, e.g. a100, h100.' },
    HF_CONFIG,
    { name: 'latencyClass', label: 'Latency class (picks the batch)', kind: 'select', options: ['', 'keystroke', 'interactive', 'batch'], hint: 'keystroke: TTFT ≤ 200 ms, TPOT ≤ 10 ms; interactive: 2 s, 100 ms; batch: TTFT ≤ 30 s.', more: true },
    { name: 'weightDtype', label: 'Weight data type', kind: 'select', options: ['', 'fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'], hint: 'Default the GPU\u2019s 16-bit type; int8/int4 are dequantised for compute.', more: true },
    { name: 'kvDtype', label: 'KV cache data type', kind: 'select', options: ['', 'fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4'], hint: 'Default the GPU\u2019s 16-bit type.', more: true },
    { name: 'attention', label: 'Attention kernel', kind: 'select', options: ['', 'fused', 'unfused'], hint: 'Default fused (FlashAttention).', more: true },
    { name: 'efficiency', label: 'Efficiency preset', kind: 'select', options: ['', 'roofline', 'measured'], hint: 'Default roofline (ηc = ηm = 1); measured: ηc 0.70, ηm 0.75.', more: true },
    { name: 'sweepBatch', label: 'Sweep of batches, FROM:TO (instead of a batch; draws a plot)', hint: 'One row per doubling, e.g. 1:512.', more: true },
    ...MONTE_CARLO,
  ],
  budget: [
    { name: 'gpu', label: 'GPU', hint: 'An id or alias, e.g. h100.' },
    { name: 'law', label: 'Scaling law', hint: 'A preset, inline constants, or a mixture epoch:0.7|hoffmann:0.3; default epoch.' },
    { name: 'grid', label: 'Grid region', hint: 'For the carbon intensity, e.g. france, world (instead of grid intensity).', more: true },
    ...MONTE_CARLO,
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
  ['UsdPerMillionOutputTokens', 'USD per 1M output tokens'], ['UsdPerMillionInputTokens', 'USD per 1M input tokens'],
  ['UsdPerMillionTokens', 'USD per 1M tokens'], ['UsdPerRequest', 'USD per request'], ['KwhPerMillionTokens', 'kWh per 1M tokens'],
  ['KwhPerRequest', 'kWh per request'], ['SecondsPerToken', 's per token'], ['FlopPerByte', 'FLOP/B'], ['FlopPerStepPerGpu', 'FLOP per step per GPU'],
  ['BytesPerStepPerGpu', 'B per step per GPU'], ['BytesPerToken', 'B per token'], ['BytesPerGpu', 'B per GPU'], ['FlopPerGpu', 'FLOP per GPU'],
  ['TokensPerSecondPerUser', 'tokens/s per user'], ['ContextTokens', 'tokens'],
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
      input = el('input', { id, name: spec.name, type: 'file', accept: spec.accept ?? '.csv,text/csv', 'aria-describedby': described });
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

// The fields of a section: a declared calculator's own list (each with "more" when it folds away), else the
// hand-written extras and the numeric specs of a calculator not yet declared in Core.
function fieldsOf(section, specs) {
  const calc = section.dataset.calc;
  const names = specs.names ?? {};
  const withNames = field => (names[field.name] ? { ...field, names: true } : field);
  const declared = (specs.calculators ?? []).find(c => c.name === calc);
  if (declared) return declared.fields.filter(f => f.kind !== 'none').map(withNames);
  const primary = (section.dataset.primary || '').split(' ').filter(Boolean);
  const extras = (EXTRA[calc] ?? []).map(withNames);
  const numeric = (specs[calc] ?? []).map(spec => ({ ...spec, more: !primary.includes(spec.name) }));
  return [...extras, ...numeric];
}

// One section per declared calculator, in the catalog's order, ahead of the hand-written ones; its nav link too.
function buildDeclaredSections(calculators) {
  const main = document.getElementById('main');
  const firstSection = main.querySelector('section');
  const nav = document.querySelector('nav ul');
  const firstLink = nav?.firstElementChild ?? null;
  for (const calculator of calculators ?? []) {
    if (document.querySelector(`section[data-calc="${CSS.escape(calculator.name)}"]`)) continue;
    const section = el('section', {
      id: calculator.name, 'aria-labelledby': `${calculator.name}-title`, 'data-calc': calculator.name,
      'data-plot': calculator.plot, 'data-group': calculator.group,
    });
    section.append(el('h2', { id: `${calculator.name}-title` }, calculator.title), el('p', {}, calculator.summary));
    main.insertBefore(section, firstSection);
    if (nav) {
      const item = el('li');
      item.append(el('a', { href: `#${calculator.name}` }, calculator.title));
      nav.insertBefore(item, firstLink);
    }
  }
}

function buildForm(section, specs) {
  const calc = section.dataset.calc;
  const form = el('form', { 'data-calc': calc, novalidate: true, 'aria-describedby': `${calc}-form-error` });
  const main = el('div', { class: 'fields' });
  const more = el('div', { class: 'fields' });
  for (const field of fieldsOf(section, specs)) (field.more ? more : main).append(buildField(calc, field));
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
  if (entries.length === 0) {
    // A problem without field entries (an upload over its size limit: 413) may still name its field.
    const text = `Error: ${problem.detail ?? problem.title ?? 'the request failed'}`;
    const input = typeof problem.field === 'string' ? section.querySelector(`#${CSS.escape(fieldId(calc, problem.field))}`) : null;
    if (input) {
      section.querySelector(`#${CSS.escape(fieldId(calc, problem.field))}-error`).textContent = text;
      input.setAttribute('aria-invalid', 'true');
      if (input.closest('details')) input.closest('details').open = true;
      first = input;
    } else {
      unplaced.push(text);
    }
  }
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

const NOT_SCALAR = new Set(['assumptions', 'rows', 'notDerived', 'distribution', 'sensitivity']);
// Counts about a Monte Carlo run itself, not medians of its outputs: shown in their own table (renderMonteCarlo).
const MONTE_CARLO_COUNTS = new Set(['samples', 'infeasibleSamples', 'redraws']);

function renderOutputs(body) {
  const parts = [];
  const monteCarlo = body.distribution !== null && typeof body.distribution === 'object';
  const scalars = flatten(Object.fromEntries(Object.entries(body)
    .filter(([k]) => !NOT_SCALAR.has(k) && !(monteCarlo && MONTE_CARLO_COUNTS.has(k)))));
  if (scalars.length > 0) {
    const rows = scalars.map(([key, value]) => {
      const tr = el('tr', { 'data-key': key });
      const last = key.split('.').pop();
      tr.append(el('th', { scope: 'row' }, key.split('.').map(words).join(' · ')),
        el('td', { class: typeof value === 'string' ? 'value text' : 'value' }, typeof value === 'string' ? value : formatValue(value)),
        el('td', { class: 'unit' }, typeof value === 'number' ? unitOf(last) : ''));
      return tr;
    });
    parts.push(table(monteCarlo ? 'Results (medians of the Monte Carlo samples)' : 'Results', ['Output', 'Value', 'Unit'], rows));
  }
  if (monteCarlo) parts.push(...renderMonteCarlo(body));
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

// The percentiles of each output (nested keys such as plan1.loss flattened), as the CLI's "distribution" object.
function percentileRows(object, prefix = '') {
  const out = [];
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === null || typeof value !== 'object') continue;
    if (typeof value.p50 === 'number') out.push([path, value]);
    else out.push(...percentileRows(value, path));
  }
  return out;
}

const PERCENTILES = ['p5', 'p25', 'p50', 'p75', 'p95', 'mean'];

function renderMonteCarlo(body) {
  const parts = [];
  const rows = percentileRows(body.distribution).map(([key, p]) => {
    const tr = el('tr', { 'data-key': key });
    tr.append(el('th', { scope: 'row' }, key.split('.').map(words).join(' · ')));
    for (const name of PERCENTILES) tr.append(el('td', { class: 'value', 'data-p': name }, formatValue(p[name])));
    tr.append(el('td', { class: 'unit' }, unitOf(key.split('.').pop())));
    return tr;
  });
  const samples = typeof body.samples === 'number' ? `${body.samples} samples` : 'the samples';
  parts.push(table(`Percentiles over ${samples}`, ['Output', '5th', '25th', 'Median', '75th', '95th', 'Mean', 'Unit'], rows));
  // Why samples were infeasible is in the assumption the run adds when some were.
  const infeasible = Array.isArray(body.assumptions) ? body.assumptions.find(a => a && a.name === 'infeasibleSamples') : undefined;
  const reason = typeof infeasible?.description === 'string' ? infeasible.description : '';
  const counts = [];
  const count = (key, label, value) => {
    const tr = el('tr', { 'data-key': key });
    tr.append(el('th', { scope: 'row' }, label), el('td', { class: 'value' }, formatValue(value)));
    counts.push(tr);
  };
  if (typeof body.samples === 'number') count('samples', 'Samples drawn', body.samples);
  if (typeof body.infeasibleSamples === 'number') count('infeasibleSamples', 'Infeasible samples (left out of the percentiles)', body.infeasibleSamples);
  if (body.redraws && typeof body.redraws === 'object') {
    for (const [input, n] of Object.entries(body.redraws)) {
      if (typeof n === 'number') count(`redraws.${input}`, `Redraws of ${words(input)} (outside its range)`, n);
    }
  }
  if (counts.length > 0) parts.push(table('Samples of the Monte Carlo run', ['Count', 'Value'], counts));
  if (typeof body.infeasibleSamples === 'number' && body.infeasibleSamples > 0) {
    parts.push(el('p', { class: 'hint infeasible' }, `${body.infeasibleSamples} samples were infeasible and left out.${reason ? ` ${reason}` : ''}`));
  }
  const sensitivity = body.sensitivity;
  if (sensitivity && typeof sensitivity === 'object' && sensitivity.inputs && typeof sensitivity.inputs === 'object') {
    const swing = Object.entries(sensitivity.inputs).map(([input, s]) => {
      const tr = el('tr', { 'data-input': input });
      tr.append(el('th', { scope: 'row' }, words(input)),
        el('td', { class: 'value' }, formatValue(s.outputAtInputP5)),
        el('td', { class: 'value' }, formatValue(s.outputAtInputP95)),
        el('td', { class: 'value' }, formatValue(s.swing)),
        el('td', { class: 'value' }, formatValue(s.rankCorrelation)));
      return tr;
    });
    parts.push(table(`Sensitivity of ${words(String(sensitivity.output ?? ''))} (each input from its 5th to its 95th percentile)`,
      ['Input', 'Output at input p5', 'Output at input p95', 'Swing', 'Rank correlation'], swing));
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

// A field written as a distribution (1e25..1e27, normal(…)) or a law mixture makes the answer a Monte Carlo run.
function isMonteCarlo(params) {
  return [...params].some(([name, value]) => value.includes('..') || value.includes('(') || (name === 'law' && value.includes('|')));
}

function wantsPlot(section, params) {
  if (isMonteCarlo(params)) return true;
  const plot = section.dataset.plot;
  if (plot === 'never') return false;
  if (plot === 'always') return true;
  return params.has(plot);
}

function chosenFiles(form) {
  return [...form.querySelectorAll('input[type=file]')].filter(input => input.files && input.files.length > 0);
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
  let tornadoRequest = null;
  try {
    if (calc === 'fit') {
      const data = new FormData(form);
      for (const box of form.querySelectorAll('input[type=checkbox]')) if (!box.checked) data.delete(box.name);
      for (const [key, value] of [...data.entries()]) if (typeof value === 'string' && value.trim() === '') data.delete(key);
      response = await fetch('/api/fit', { method: 'POST', body: data });
      plotRequest = () => fetch('/api/fit/plot', { method: 'POST', body: data });
    } else if (chosenFiles(form).length > 0) {
      // A model config.json to upload: the fields and the file as one multipart POST.
      const data = new FormData();
      for (const [key, value] of params) data.append(key, value);
      for (const input of chosenFiles(form)) data.append(input.name, input.files[0], input.files[0].name);
      response = await fetch(`/api/${calc}`, { method: 'POST', body: data });
      plotRequest = () => fetch(`/api/${calc}/plot`, { method: 'POST', body: data });
      tornadoRequest = () => fetch(`/api/${calc}/tornado`, { method: 'POST', body: data });
    } else {
      response = await fetch(`/api/${calc}?${params}`);
      plotRequest = () => fetch(`/api/${calc}/plot?${params}`);
      tornadoRequest = () => fetch(`/api/${calc}/tornado?${params}`);
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
    let tornado = null;
    if (wantsPlot(section, params)) {
      figure = el('figure', { class: 'plot' }, '');
      figure.append(el('p', { class: 'plot-note' }, 'Drawing the plot…'));
      parts.push(figure);
    }
    if (tornadoRequest && isMonteCarlo(params) && params.has('sensitivity')) {
      tornado = el('figure', { class: 'plot tornado' }, '');
      tornado.append(el('p', { class: 'plot-note' }, 'Drawing the tornado…'));
      parts.push(tornado);
    }
    result.replaceChildren(...parts);
    if (figure) await loadPlot(section, plotRequest, figure);
    if (tornado) await loadPlot(section, tornadoRequest, tornado);
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
    buildDeclaredSections(specs.calculators);
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
