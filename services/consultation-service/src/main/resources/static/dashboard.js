// The consultation dashboard: KPIs, charts and tables from the KPI API, kept current by the live
// feed (Server-Sent Events) without reloading the page. Every call carries the signed-in person's
// token (sign-in.js); the region shown is theirs unless they choose one within it.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  const state = { region: params.get('region'), period: params.get('period') || '', source: null, online: false, refresh: null };
  const charts = {};

  const t = (key) => (window.FPR_I18N[lang][key] ?? window.FPR_I18N['zh-CN'][key] ?? key);
  const word = (group, key) => (window.FPR_I18N[lang][group] || {})[key] || key;
  const $ = (selector) => document.querySelector(selector);

  function query(path, extra) {
    const q = new URLSearchParams({ region: state.region });
    if (state.period) q.set('period', state.period);
    Object.entries(extra || {}).forEach(([k, v]) => q.set(k, v));
    return `${path}?${q}`;
  }

  async function json(path, extra) {
    const response = await window.FPR_AUTH.fetch(query(path, extra), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  function translate() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('#live').textContent = state.online ? t('online') : t('offline');
  }

  function setKpi(name, value) {
    document.querySelectorAll(`[data-kpi="${name}"]`).forEach((el) => { el.textContent = value ?? '—'; });
  }

  let loads = 0;
  async function load() {
    const mine = ++loads;
    const [kpis, trend, counties, overdue, zero] = await Promise.all([
      json('/api/v1/kpis'), json('/api/v1/kpis/trend', { months: 6 }), json('/api/v1/kpis/by-county'),
      json('/api/v1/cases/overdue', { limit: 50 }), json('/api/v1/households/zero-employment', { limit: 50 })]);
    if (mine !== loads) return;   // a later reload is on its way
    $('#asOf').textContent = kpis.asOf;
    const h = kpis.households, e = kpis.employment, m = kpis.microcredit;
    setKpi('monitored', h.monitored); setKpi('newlyFlagged', h.newlyFlagged); setKpi('underIdentification', h.underIdentification);
    setKpi('overdue', h.overdue); setKpi('riskEliminated', h.riskEliminated); setKpi('shareEliminatedPercent', h.shareEliminatedPercent);
    setKpi('inWork', e.inWork); setKpi('labourForce', e.labourForce); setKpi('inWorkPercent', e.inWorkPercent);
    setKpi('zeroEmploymentHouseholds', e.zeroEmploymentHouseholds); setKpi('loansIssued', m.issued); setKpi('loansOverdue', m.overdue);

    const series = (name, values, type) => ({ name: word('series', name), type: type || 'line', data: values });
    charts.trend.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: trend.map((p) => p.month) }, yAxis: { type: 'value' },
      series: ['monitored', 'newlyFlagged', 'riskEliminated', 'inWork'].map((k) => series(k, trend.map((p) => p[k])))
    }, true);
    charts.county.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: counties.map((c) => c.countyCode) }, yAxis: { type: 'value' },
      series: ['monitored', 'overdue', 'zeroEmploymentHouseholds'].map((k) => series(k, counties.map((c) => c[k]), 'bar'))
    }, true);
    charts.risk.setOption({
      animation: false, tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: '65%', data: Object.entries(h.monitoredByRiskType).map(([k, v]) => ({ name: word('risks', k), value: v })) }]
    }, true);
    const indicators = ['FISCAL_AID_YUAN', 'CADRES_EXCHANGED', 'LABOUR_TRANSFERRED', 'CONSUMPTION_PURCHASES_YUAN'];
    charts.eastWest.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {}, xAxis: { type: 'category', data: indicators.map((k) => word('indicators', k)) },
      yAxis: { type: 'value', max: 100 },
      series: kpis.eastWest.map((p) => ({ name: p.pairingId, type: 'bar', data: indicators.map((k) =>
        Number(p.targets[k]) > 0 ? Math.min(100, Math.round(Number(p.achieved[k]) * 1000 / Number(p.targets[k])) / 10) : 0) }))
    }, true);

    fillTable('#overdueCases', overdue.map((c) => [c.caseId, c.householdId, c.townshipCode || c.countyCode, c.dueOn,
      word('steps', c.pendingStep || ''), c.daysOverdue]));
    fillTable('#zeroEmployment', zero.map((z) => [z.householdId, z.siteId || '', z.since, z.labourMembers ?? '']));
  }

  function fillTable(selector, rows) {
    const body = $(`${selector} tbody`);
    body.replaceChildren(...rows.map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((cell) => { const td = document.createElement('td'); td.textContent = cell; tr.appendChild(td); });
      return tr;
    }));
  }

  // at most one reload a second, however busy the feed; a reload started earlier never overwrites a later one
  function refreshSoon() {
    if (state.refresh) return;
    state.refresh = setTimeout(() => { state.refresh = null; load().catch(console.error); }, 1000);
  }

  function online(on) {
    state.online = on;
    $('#live').textContent = on ? t('online') : t('offline');
    $('#live').className = on ? 'live on' : 'live off';
  }

  function append(event) {
    const item = document.createElement('li');
    item.dataset.type = event.type;
    const time = document.createElement('time');
    time.textContent = event.time.replace('T', ' ').slice(0, 19);
    const label = document.createElement('span');
    label.className = 'type';
    label.textContent = lang === 'en' ? event.type : word('events', event.type);
    item.append(time, label, document.createTextNode(` ${event.subject}${event.countyCode ? ' · ' + event.countyCode : ''}`));
    $('#feed').prepend(item);
    while ($('#feed').children.length > 100) $('#feed').lastElementChild.remove();
    refreshSoon();
  }

  // one Server-Sent Event from its lines (id, event, data; comments are heartbeats)
  function parse(block) {
    const message = { data: [] };
    block.split(/\r?\n/).forEach((line) => {
      const colon = line.indexOf(':');
      if (colon === 0) return;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') message.data.push(value); else message[field] = value;
    });
    return message;
  }

  // the live feed, read with fetch because EventSource cannot send a token; after a break it
  // resumes from the last event seen (Last-Event-ID), as EventSource would
  function listen() {
    if (state.source) state.source.abort();
    const controller = new AbortController();
    state.source = controller;
    let lastId = null;
    const types = new Set(Object.keys(window.FPR_I18N['zh-CN'].events));
    async function connect() {
      try {
        const headers = { Accept: 'text/event-stream' };
        if (lastId) headers['Last-Event-ID'] = lastId;
        const response = await window.FPR_AUTH.fetch(`/api/v1/events/stream?region=${encodeURIComponent(state.region)}`,
          { headers, signal: controller.signal });
        if (!response.ok) throw new Error(`live feed: ${response.status}`);
        online(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const message = parse(buffer.slice(0, end));
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            if (message.id) lastId = message.id;
            if (types.has(message.event) && message.data.length) append(JSON.parse(message.data.join('\n')));
          }
        }
      } catch (e) {
        if (!controller.signal.aborted) console.warn(e);
      }
      if (controller.signal.aborted) return;
      online(false);
      setTimeout(connect, 3000);
    }
    connect();
  }

  // the CSV export, fetched with the token and handed to the browser as a file
  async function download() {
    const response = await window.FPR_AUTH.fetch(query('/api/v1/kpis', { format: 'csv' }));
    if (!response.ok) throw new Error(`csv: ${response.status}`);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `kpis-${state.region}${state.period ? '-' + state.period : ''}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  function show() {
    const url = new URL(location.href);
    url.searchParams.set('region', state.region);
    if (state.period) url.searchParams.set('period', state.period); else url.searchParams.delete('period');
    url.searchParams.set('lang', lang);
    history.replaceState(null, '', url);
    load().catch(console.error);
    listen();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await window.FPR_AUTH.token();
    const holder = window.FPR_AUTH.holder();
    state.region = state.region || holder.region;
    $('#who').textContent = `${holder.name} · ${holder.region}`;
    charts.trend = echarts.init($('#trendChart'));
    charts.county = echarts.init($('#countyChart'));
    charts.risk = echarts.init($('#riskChart'));
    charts.eastWest = echarts.init($('#eastWestChart'));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    $('#region').value = state.region;
    $('#period').value = state.period;
    $('#controls').addEventListener('submit', (e) => {
      e.preventDefault();
      state.region = $('#region').value.trim() || state.region;
      state.period = $('#period').value;
      show();
    });
    $('#csv').addEventListener('click', (e) => { e.preventDefault(); download().catch(console.error); });
    $('#lang').addEventListener('click', () => { lang = lang === 'en' ? 'zh-CN' : 'en'; translate(); show(); });
    translate();
    show();
  });
})();
