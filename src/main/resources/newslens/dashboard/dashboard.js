// newslens dashboard: draws the inline data as SVG. No library, no network.
// Every text from the data (names, titles, labels, terms) is set with textContent or as an
// attribute value, never parsed as HTML.
(function () {
  "use strict";

  const SVG_NS = "http://www.w3.org/2000/svg";
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#8c564b", "#17becf", "#bcbd22", "#d62728"];
  const TYPE_COLORS = new Map([["PER", "#e15759"], ["LOC", "#4e79a7"], ["ORG", "#59a14f"], ["MISC", "#b07aa1"]]);
  const TYPE_NAMES = new Map([["PER", "person"], ["LOC", "place"], ["ORG", "organisation"], ["MISC", "other"]]);
  const GRANULARITY_NAMES = new Map([["day", "day"], ["week", "week (from Monday)"], ["month", "month"]]);
  const RISING_KINDS = [["entity", "Entities"], ["pair", "Pairs"], ["topic", "Topics"]];

  const data = JSON.parse(document.getElementById("newslens-data").textContent);
  // Series keys are ids from the input: look them up in Maps, never as properties of plain objects.
  for (const t of data.entityTrends.concat(data.topics ? data.topics.weights : [])) {
    t.series = new Map(Object.entries(t.values));
  }
  const entityById = new Map(data.entities.map((e) => [e.id, e]));
  const colorOfEntity = new Map(data.trendEntities.map((id, i) => [id, PALETTE[i % PALETTE.length]]));
  const topicInfos = data.topics ? data.topics.topics : [];
  const colorOfTopic = new Map(topicInfos.map((t, i) => [String(t.id), PALETTE[i % PALETTE.length]]));

  const state = {
    granularity: null,
    from: null,
    to: null,
    entityType: "",
    trendCount: 8,
    hiddenEntities: new Set(),
    hiddenTopics: new Set(),
    scope: "document",
    networkSize: 30,
    minNpmi: 0.1,
    selected: data.entities.length ? data.entities[0].id : null,
  };

  // ---- small DOM helpers ----

  function html(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attributes, parent) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (parent) parent.appendChild(node);
    return node;
  }

  function svgText(parent, attributes, text) {
    const node = svg("text", attributes, parent);
    node.textContent = text;
    return node;
  }

  function tooltip(node, text) {
    svg("title", {}, node).textContent = text;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function formatNumber(value) {
    return Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(2);
  }

  function entityName(id) {
    const entity = entityById.get(id);
    return entity ? entity.name : id;
  }

  function plural(n, one, many) {
    return formatNumber(n) + " " + (n === 1 ? one : many);
  }

  // The duplicate group a listed article heads (duplicate_groups), worded "carried by N articles in M
  // outlets": N is n_articles, the article itself and its copies (so N - 1 copies, never fewer than 1);
  // M is n_outlets, the distinct known outlets of all N, the article's own included. Counting the
  // article itself in both keeps them on one footing: "+2 copies in 2 outlets" would leave open
  // whether its own outlet is one of the 2. The tooltip spells the copies out.
  function copiesText(copies) {
    return "carried by " + plural(copies.articles, "article", "articles")
      + (copies.outlets > 0 ? " in " + plural(copies.outlets, "outlet", "outlets") : "");
  }

  function copiesTooltip(copies) {
    return "this article and " + plural(copies.articles - 1, "copy", "copies") + " of it (exact or near duplicates), "
      + (copies.outlets > 0 ? "from " + plural(copies.outlets, "outlet", "outlets") + " in all" : "outlets unknown");
  }

  function articleItem(article) {
    const item = html("li");
    item.appendChild(html("span", "date", article.date || "undated"));
    item.appendChild(html("span", "title", article.title || article.docId));
    item.title = article.docId;
    if (article.copies) {
      const copies = html("span", "copies", copiesText(article.copies));
      copies.title = copiesTooltip(article.copies);
      item.appendChild(copies);
    }
    return item;
  }

  // ---- time axis and filters ----

  function timelineOf(timelines, granularity) {
    return (timelines || []).find((t) => t.granularity === granularity) || null;
  }

  function granularities() {
    const found = new Set();
    for (const t of data.entityTrends) found.add(t.granularity);
    for (const t of data.topics ? data.topics.weights : []) found.add(t.granularity);
    return ["day", "week", "month"].filter((g) => found.has(g));
  }

  function periodsOf(granularity) {
    const all = new Set();
    for (const t of [timelineOf(data.entityTrends, granularity),
      data.topics ? timelineOf(data.topics.weights, granularity) : null]) {
      if (t) t.periods.forEach((p) => all.add(p));
    }
    return Array.from(all).sort();
  }

  // Indices of the timeline's periods inside the chosen range.
  function visibleRange(timeline) {
    const indices = [];
    timeline.periods.forEach((period, i) => {
      if ((!state.from || period >= state.from) && (!state.to || period <= state.to)) indices.push(i);
    });
    return indices;
  }

  // The last period starting on or before the date, else the first period.
  function snap(periods, date, fallback) {
    if (!date) return fallback;
    let chosen = periods[0];
    for (const p of periods) if (p <= date) chosen = p;
    return chosen;
  }

  function fillSelect(select, values, label, selected) {
    clear(select);
    for (const value of values) {
      const option = html("option", null, label(value));
      option.value = value;
      if (value === selected) option.selected = true;
      select.appendChild(option);
    }
  }

  function setupPeriodControls() {
    const choices = granularities();
    const granularitySelect = byId("granularity");
    if (!state.granularity) state.granularity = choices.includes("week") ? "week" : choices[0] || null;
    fillSelect(granularitySelect, choices, (g) => GRANULARITY_NAMES.get(g) || g, state.granularity);
    const periods = state.granularity ? periodsOf(state.granularity) : [];
    state.from = periods.length ? snap(periods, state.from, periods[0]) : null;
    state.to = periods.length ? snap(periods, state.to, periods[periods.length - 1]) : null;
    if (state.from && state.to && state.from > state.to) state.from = state.to;
    fillSelect(byId("period-from"), periods, (p) => p, state.from);
    fillSelect(byId("period-to"), periods, (p) => p, state.to);
  }

  // ---- charts ----

  function niceStep(max, ticks) {
    const raw = max / ticks;
    const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    const residual = raw / magnitude;
    const step = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1;
    return step * magnitude;
  }

  // Axes and grid of a time chart; returns the scales.
  function frame(root, periods, yMax, size, yFormat) {
    const { width, height, left, right, top, bottom } = size;
    const innerWidth = width - left - right;
    const innerHeight = height - top - bottom;
    const x = (i) => left + (periods.length <= 1 ? innerWidth / 2 : (i * innerWidth) / (periods.length - 1));
    const y = (v) => top + innerHeight - (yMax > 0 ? (v / yMax) * innerHeight : 0);
    const grid = svg("g", { class: "grid" }, root);
    const axis = svg("g", { class: "axis" }, root);
    const step = yMax > 0 ? niceStep(yMax, 5) : 1;
    for (let v = 0; v <= yMax + 1e-9; v += step) {
      svg("line", { x1: left, x2: width - right, y1: y(v), y2: y(v) }, grid);
      svgText(axis, { x: left - 8, y: y(v) + 4, "text-anchor": "end" }, yFormat(v));
    }
    svg("line", { x1: left, x2: width - right, y1: top + innerHeight, y2: top + innerHeight }, axis);
    const labelEvery = Math.max(1, Math.ceil(periods.length / Math.floor(innerWidth / 90)));
    periods.forEach((period, i) => {
      if (i % labelEvery !== 0) return;
      svg("line", { x1: x(i), x2: x(i), y1: top + innerHeight, y2: top + innerHeight + 5 }, axis);
      svgText(axis, { x: x(i), y: top + innerHeight + 18, "text-anchor": "middle" }, period);
    });
    return { x, y };
  }

  function emptyMessage(container, text) {
    container.appendChild(html("p", "empty", text));
  }

  function legend(container, items, hidden, onToggle) {
    clear(container);
    for (const item of items) {
      const button = html("button", hidden.has(item.key) ? "off" : "");
      button.type = "button";
      const swatch = html("span", "swatch");
      swatch.style.background = item.color;
      button.appendChild(swatch);
      button.appendChild(html("span", null, item.label));
      button.addEventListener("click", () => onToggle(item.key));
      container.appendChild(button);
    }
  }

  function trendEntities() {
    return data.trendEntities
      .filter((id) => !state.entityType || (entityById.get(id) || {}).type === state.entityType)
      .slice(0, state.trendCount);
  }

  function drawTrends() {
    const container = byId("trend-chart");
    clear(container);
    const timeline = timelineOf(data.entityTrends, state.granularity);
    const notice = byId("trend-notice");
    notice.hidden = !(timeline && timeline.truncated);
    notice.textContent = timeline && timeline.truncated
      ? "Only the most recent " + timeline.periods.length + " periods of this granularity are in the page." : "";
    const ids = trendEntities();
    legend(byId("trend-legend"), ids.map((id) => ({ key: id, label: entityName(id), color: colorOfEntity.get(id) })),
      state.hiddenEntities, (id) => {
        if (state.hiddenEntities.has(id)) state.hiddenEntities.delete(id); else state.hiddenEntities.add(id);
        drawTrends();
      });
    if (!timeline || !timeline.periods.length || !ids.length) {
      emptyMessage(container, "No dated articles mention these entities.");
      return;
    }
    const range = visibleRange(timeline);
    const periods = range.map((i) => timeline.periods[i]);
    const shown = ids.filter((id) => !state.hiddenEntities.has(id));
    let yMax = 1;
    for (const id of shown) for (const i of range) yMax = Math.max(yMax, timeline.series.get(id)[i]);
    const size = { width: 1100, height: 340, left: 48, right: 16, top: 12, bottom: 30 };
    const root = svg("svg", { viewBox: "0 0 " + size.width + " " + size.height, role: "img",
      "aria-label": "Entity trends" }, container);
    const { x, y } = frame(root, periods, yMax, size, (v) => formatNumber(v));
    const drawPoints = periods.length <= 120;
    for (const id of shown) {
      const values = range.map((i) => timeline.series.get(id)[i]);
      const color = colorOfEntity.get(id);
      const d = values.map((v, i) => (i ? "L" : "M") + x(i).toFixed(1) + " " + y(v).toFixed(1)).join(" ");
      const path = svg("path", { d, fill: "none", stroke: color, "stroke-width": 2, "stroke-linejoin": "round",
        "data-entity": id, class: "series" }, root);
      tooltip(path, entityName(id));
      if (!drawPoints) continue;
      values.forEach((v, i) => {
        if (v <= 0) return;
        const point = svg("circle", { cx: x(i), cy: y(v), r: 3, fill: color, "data-entity": id,
          "data-period": periods[i], class: "point" }, root);
        tooltip(point, entityName(id) + " · " + periods[i] + ": " + formatNumber(v) + " articles");
      });
    }
  }

  function drawTopics() {
    const container = byId("topic-chart");
    const list = byId("topic-list");
    clear(container);
    clear(list);
    const notice = byId("topic-notice");
    if (!data.topics) {
      notice.hidden = true;
      clear(byId("topic-legend"));
      const message = html("p", "empty", "No topics table yet: this output has no topics, doc_topics and "
        + "topic_frequency tables. Run the topics stage, then write the dashboard again.");
      message.id = "no-topics";
      container.appendChild(message);
      return;
    }
    const timeline = timelineOf(data.topics.weights, state.granularity);
    notice.hidden = !(timeline && timeline.truncated);
    notice.textContent = timeline && timeline.truncated
      ? "Only the most recent " + timeline.periods.length + " periods of this granularity are in the page." : "";
    const keys = topicInfos.map((t) => String(t.id));
    const labelOf = new Map(topicInfos.map((t) => [String(t.id), t.label]));
    legend(byId("topic-legend"), keys.map((k) => ({ key: k, label: labelOf.get(k), color: colorOfTopic.get(k) })),
      state.hiddenTopics, (k) => {
        if (state.hiddenTopics.has(k)) state.hiddenTopics.delete(k); else state.hiddenTopics.add(k);
        drawTopics();
      });
    for (const topic of topicInfos) list.appendChild(topicCard(topic));

    if (!timeline || !timeline.periods.length) {
      emptyMessage(container, "No dated articles have topics at this granularity.");
      return;
    }
    const range = visibleRange(timeline);
    const periods = range.map((i) => timeline.periods[i]);
    const shown = keys.filter((k) => !state.hiddenTopics.has(k));
    const totals = range.map((i) => shown.reduce((sum, k) => sum + timeline.series.get(k)[i], 0));
    const size = { width: 1100, height: 320, left: 48, right: 16, top: 12, bottom: 30 };
    const root = svg("svg", { viewBox: "0 0 " + size.width + " " + size.height, role: "img",
      "aria-label": "Topic shares over time" }, container);
    const { x, y } = frame(root, periods, 1, size, (v) => Math.round(v * 100) + "%");
    const base = range.map(() => 0);
    for (const key of shown) {
      const shares = range.map((i, j) => (totals[j] > 0 ? timeline.series.get(key)[i] / totals[j] : 0));
      const upper = shares.map((s, j) => base[j] + s);
      const points = upper.map((v, j) => x(j).toFixed(1) + " " + y(v).toFixed(1));
      const lower = base.map((v, j) => x(j).toFixed(1) + " " + y(v).toFixed(1)).reverse();
      const d = "M" + points.join(" L") + " L" + lower.join(" L") + " Z";
      const area = svg("path", { d, fill: colorOfTopic.get(key), "fill-opacity": 0.85, stroke: "#ffffff",
        "stroke-width": 0.5, "data-topic": key, class: "area" }, root);
      const average = shares.reduce((a, b) => a + b, 0) / Math.max(1, shares.length);
      tooltip(area, labelOf.get(key) + " · average share " + Math.round(average * 100) + "%");
      upper.forEach((v, j) => { base[j] = v; });
    }
  }

  function topicCard(topic) {
    const card = html("article", "topic");
    const heading = html("h3");
    const swatch = html("span", "swatch");
    swatch.style.background = colorOfTopic.get(String(topic.id));
    heading.appendChild(swatch);
    heading.appendChild(html("span", null, topic.label));
    card.appendChild(heading);
    card.appendChild(html("p", "terms", topic.terms.join(", ")));
    if (topic.months.length) {
      // what the topic was about in its latest months (topic_terms), latest first
      const months = html("dl", "months");
      for (const month of topic.months) {
        months.appendChild(html("dt", null, month.month));
        months.appendChild(html("dd", null, month.terms.join(", ")));
      }
      card.appendChild(months);
    }
    if (topic.typicalArticles.length) {
      const list = html("ul");
      topic.typicalArticles.forEach((a) => list.appendChild(articleItem(a)));
      card.appendChild(list);
    }
    return card;
  }

  // ---- network ----

  function networkGraph() {
    const nodes = data.entities.slice(0, state.networkSize);
    const inGraph = new Set(nodes.map((n) => n.id));
    const edges = data.edges.filter((e) => e.scope === state.scope && e.npmi >= state.minNpmi
      && inGraph.has(e.a) && inGraph.has(e.b));
    return { nodes, edges };
  }

  // Force layout (Fruchterman-Reingold with gravity), deterministic: nodes start on a circle, most
  // frequent first; the result is scaled to fill the drawing, so loose components stay in view.
  function layout(nodes, edges, width, height, marginX, marginY) {
    const n = nodes.length;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const positions = nodes.map((_, i) => ({
      x: Math.cos((2 * Math.PI * i) / Math.max(1, n)),
      y: Math.sin((2 * Math.PI * i) / Math.max(1, n)),
    }));
    const k = 1 / Math.sqrt(Math.max(1, n));
    // Springs of well-connected nodes are weakened by their degree, so a dense group does not
    // collapse into a knot.
    const degree = nodes.map(() => 0);
    for (const edge of edges) {
      degree[index.get(edge.a)]++;
      degree[index.get(edge.b)]++;
    }
    let temperature = 0.1;
    for (let iteration = 0; iteration < 400; iteration++) {
      const shift = positions.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = positions[i].x - positions[j].x;
          const dy = positions[i].y - positions[j].y;
          const distance = Math.max(1e-4, Math.hypot(dx, dy));
          const force = (3 * k * k) / distance;
          shift[i].x += (dx / distance) * force; shift[i].y += (dy / distance) * force;
          shift[j].x -= (dx / distance) * force; shift[j].y -= (dy / distance) * force;
        }
      }
      for (const edge of edges) {
        const i = index.get(edge.a);
        const j = index.get(edge.b);
        const dx = positions[i].x - positions[j].x;
        const dy = positions[i].y - positions[j].y;
        const distance = Math.max(1e-4, Math.hypot(dx, dy));
        const force = ((distance * distance) / k) * edge.npmi / Math.sqrt(degree[i] * degree[j]);
        shift[i].x -= (dx / distance) * force; shift[i].y -= (dy / distance) * force;
        shift[j].x += (dx / distance) * force; shift[j].y += (dy / distance) * force;
      }
      for (let i = 0; i < n; i++) {
        shift[i].x -= positions[i].x * 0.4 * k; // gravity towards the centre
        shift[i].y -= positions[i].y * 0.4 * k;
        const length = Math.max(1e-9, Math.hypot(shift[i].x, shift[i].y));
        const step = Math.min(length, temperature);
        positions[i].x += (shift[i].x / length) * step;
        positions[i].y += (shift[i].y / length) * step;
      }
      temperature = Math.max(0.002, temperature * 0.985);
    }
    const xs = positions.map((p) => p.x);
    const ys = positions.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const sx = maxX > minX ? (width - 2 * marginX) / (maxX - minX) : 0;
    const sy = maxY > minY ? (height - 2 * marginY) / (maxY - minY) : 0;
    return positions.map((p) => ({
      x: sx ? marginX + (p.x - minX) * sx : width / 2,
      y: sy ? marginY + (p.y - minY) * sy : height / 2,
    }));
  }

  function drawNetwork() {
    const container = byId("network-chart");
    clear(container);
    const { nodes, edges } = networkGraph();
    if (!nodes.length) {
      emptyMessage(container, "No entities.");
      drawDetail();
      return;
    }
    const width = 860;
    const height = 560;
    const positions = layout(nodes, edges, width, height, 90, 36); // room for labels
    const at = new Map(nodes.map((node, i) => [node.id, positions[i]]));
    const maxDocs = Math.max(...nodes.map((node) => node.nDocs));
    const neighbours = new Set();
    for (const e of edges) {
      if (e.a === state.selected) neighbours.add(e.b);
      if (e.b === state.selected) neighbours.add(e.a);
    }
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "Co-occurrence network" }, container);
    const edgeLayer = svg("g", {}, root);
    for (const e of edges) {
      const touchesSelected = e.a === state.selected || e.b === state.selected;
      const line = svg("line", { x1: at.get(e.a).x, y1: at.get(e.a).y, x2: at.get(e.b).x, y2: at.get(e.b).y,
        stroke: touchesSelected ? "#2f6fb3" : "#5f6673", "stroke-width": (0.5 + 4 * e.npmi).toFixed(2),
        "stroke-opacity": (state.selected && !touchesSelected ? 0.12 : 0.2 + 0.6 * e.npmi).toFixed(2),
        "data-edge": e.a + "|" + e.b, "data-npmi": e.npmi.toFixed(3) }, edgeLayer);
      tooltip(line, entityName(e.a) + " – " + entityName(e.b) + ": npmi " + e.npmi.toFixed(2)
        + ", " + e.nDocs + " articles");
    }
    const nodeLayer = svg("g", {}, root);
    nodes.forEach((node, i) => {
      const p = positions[i];
      const dimmed = state.selected && node.id !== state.selected && !neighbours.has(node.id);
      const group = svg("g", { class: "node", "fill-opacity": dimmed ? 0.35 : 1 }, nodeLayer);
      const circle = svg("circle", { cx: p.x, cy: p.y, r: (4 + 12 * Math.sqrt(node.nDocs / maxDocs)).toFixed(1),
        fill: TYPE_COLORS.get(node.type) || "#9c755f", stroke: node.id === state.selected ? "#1f2430" : "#ffffff",
        "stroke-width": node.id === state.selected ? 2.5 : 1.5, "data-node": node.id }, group);
      tooltip(circle, node.name + " (" + (TYPE_NAMES.get(node.type) || node.type) + ", " + node.nDocs + " articles)");
      svgText(group, { x: p.x, y: p.y - 9 - 12 * Math.sqrt(node.nDocs / maxDocs), "text-anchor": "middle",
        class: "node-label", "fill-opacity": dimmed ? 0.45 : 1 }, node.name);
      group.addEventListener("click", () => {
        state.selected = node.id;
        drawNetwork();
      });
    });
    drawDetail();
  }

  function drawNetworkKey() {
    const key = byId("network-key");
    for (const [type, color] of TYPE_COLORS) {
      const item = html("span");
      const swatch = html("span", "swatch dot");
      swatch.style.background = color;
      item.appendChild(swatch);
      item.appendChild(html("span", null, TYPE_NAMES.get(type)));
      key.appendChild(item);
    }
  }

  function drawDetail() {
    const panel = byId("entity-detail");
    clear(panel);
    const entity = entityById.get(state.selected);
    if (!entity) {
      panel.appendChild(html("p", "empty", "Click a node."));
      return;
    }
    panel.appendChild(html("h3", null, entity.name));
    panel.appendChild(html("p", "meta", (TYPE_NAMES.get(entity.type) || entity.type) + " · " + entity.nDocs
      + " articles · " + entity.nMentions + " mentions · id " + entity.id));
    const pairs = data.edges
      .filter((e) => e.scope === state.scope && (e.a === entity.id || e.b === entity.id))
      .sort((p, q) => q.npmi - p.npmi || q.nDocs - p.nDocs)
      .slice(0, 12);
    panel.appendChild(html("h3", null, "Seen with (by npmi)"));
    if (pairs.length) {
      const list = html("ol");
      for (const pair of pairs) {
        const item = html("li");
        item.appendChild(html("span", null, entityName(pair.a === entity.id ? pair.b : pair.a) + " "));
        item.appendChild(html("span", "npmi", pair.npmi.toFixed(2) + " · " + pair.nDocs + " articles"));
        list.appendChild(item);
      }
      panel.appendChild(list);
    } else {
      panel.appendChild(html("p", "empty", "No pair with enough support among the entities on this page."));
    }
    panel.appendChild(html("h3", null, "Latest articles"));
    const articles = html("ul");
    entity.recentArticles.forEach((a) => articles.appendChild(articleItem(a)));
    panel.appendChild(articles);
  }

  // ---- rising now ----

  function drawRising() {
    const panel = byId("rising-panel");
    clear(panel);
    if (!data.rising) {
      const message = html("p", "empty", "No trends table yet: this output has no trends and bursts tables. "
        + "Run the trends stage (jobs/newslens run), then write the dashboard again.");
      message.id = "no-trends";
      panel.appendChild(message);
      return;
    }
    if (!data.rising.length) {
      emptyMessage(panel, "The trends table has no scored day or week yet.");
      return;
    }
    for (const period of data.rising) {
      const column = html("div", "rising-period");
      column.dataset.granularity = period.granularity;
      column.appendChild(html("h3", null, period.granularity === "day"
        ? "Latest day: " + period.period : "Latest week: from " + period.period));
      for (const [kind, title] of RISING_KINDS) {
        const items = period.items.filter((item) => item.kind === kind);
        column.appendChild(html("h4", null, title));
        if (!items.length) {
          emptyMessage(column, "Nothing above its usual count.");
          continue;
        }
        const list = html("ol", "rising-list");
        for (const item of items) list.appendChild(risingItem(item, period));
        column.appendChild(list);
      }
      panel.appendChild(column);
    }
  }

  function risingItem(item, period) {
    const row = html("li", "rising-item");
    row.dataset.kind = item.kind;
    row.dataset.key = item.key;
    row.appendChild(html("span", "rising-rank", item.rank + "."));
    const name = html("button", "rising-name", item.names.join(" + "));
    name.type = "button";
    name.title = item.kind === "topic" ? "topic " + item.key : item.entityIds.join(" + ");
    name.addEventListener("click", () => showRising(item));
    row.appendChild(name);
    row.appendChild(sparkline(item.recent, period));
    row.appendChild(html("span", "rising-meta", "score " + item.score.toFixed(1) + " · "
      + formatNumber(item.nDocs) + (item.nDocs === 1 ? " article" : " articles")));
    if (item.burst) {
      const burst = item.burst;
      row.appendChild(html("span", burst.open ? "burst" : "burst closed", burst.open
        ? "burst since " + burst.start : "burst " + burst.start + " – " + burst.end));
    } else {
      row.appendChild(html("span")); // keeps the list's grid columns
    }
    return row;
  }

  function sparkline(values, period) {
    const width = 84;
    const height = 20;
    const max = Math.max(1, ...values);
    const x = (i) => (values.length <= 1 ? width / 2 : (i * (width - 2)) / (values.length - 1) + 1);
    const y = (v) => height - 2 - (v / max) * (height - 4);
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "spark", role: "img",
      "aria-label": "articles per " + period.granularity });
    if (values.length) {
      const d = values.map((v, i) => (i ? "L" : "M") + x(i).toFixed(1) + " " + y(v).toFixed(1)).join(" ");
      svg("path", { d, fill: "none", stroke: "#2f6fb3", "stroke-width": 1.5, "stroke-linejoin": "round" }, root);
      svg("circle", { cx: x(values.length - 1), cy: y(values[values.length - 1]), r: 2, fill: "#2f6fb3" }, root);
    }
    const first = period.sparkPeriods[0];
    tooltip(root, "articles per " + period.granularity + " from " + first + ": " + values.join(", "));
    return root;
  }

  // Shows a rising key in the views below: its entity selected in the network, or its topic.
  function showRising(item) {
    if (item.kind === "topic") {
      state.hiddenTopics.delete(item.key);
      drawTopics();
      byId("topics").scrollIntoView();
      return;
    }
    state.selected = item.entityIds[0];
    drawNetwork();
    byId("network").scrollIntoView();
  }

  // ---- page ----

  function drawOverview() {
    const overview = byId("overview");
    const o = data.overview;
    const cards = [
      ["articles", formatNumber(o.articles)],
      ["duplicates", formatNumber(o.duplicates)],
      // Older outputs have no duplicate_groups table: no card rather than a misleading 0.
      ...(o.duplicateGroups === null || o.duplicateGroups === undefined ? []
        : [["duplicate groups", formatNumber(o.duplicateGroups)]]),
      ["dated originals", formatNumber(o.datedArticles)],
      ["published", o.firstDate ? o.firstDate + " – " + o.lastDate : "no dates"],
      ["entities", formatNumber(o.entities)],
      ["rejected inputs", formatNumber(o.rejects)],
    ];
    for (const [label, value] of cards) {
      const card = html("div");
      card.appendChild(html("dt", null, label));
      card.appendChild(html("dd", null, value));
      overview.appendChild(card);
    }
    byId("footer").textContent = "Written by newslens dashboard at " + data.generatedAt + ".";
  }

  function drawTimeCharts() {
    drawTrends();
    drawTopics();
  }

  function wireControls() {
    byId("granularity").addEventListener("change", (event) => {
      state.granularity = event.target.value;
      setupPeriodControls();
      drawTimeCharts();
    });
    byId("period-from").addEventListener("change", (event) => {
      state.from = event.target.value;
      drawTimeCharts();
    });
    byId("period-to").addEventListener("change", (event) => {
      state.to = event.target.value;
      drawTimeCharts();
    });
    byId("entity-type").addEventListener("change", (event) => {
      state.entityType = event.target.value;
      drawTrends();
    });
    byId("trend-count").addEventListener("change", (event) => {
      state.trendCount = Number(event.target.value);
      drawTrends();
    });
    byId("network-scope").addEventListener("change", (event) => {
      state.scope = event.target.value;
      drawNetwork();
    });
    byId("network-size").addEventListener("change", (event) => {
      state.networkSize = Number(event.target.value);
      drawNetwork();
    });
    const minNpmi = byId("network-min-npmi");
    minNpmi.addEventListener("input", () => {
      state.minNpmi = Number(minNpmi.value);
      byId("network-min-npmi-value").textContent = state.minNpmi.toFixed(2);
      drawNetwork();
    });
  }

  try {
    drawOverview();
    drawRising();
    setupPeriodControls();
    wireControls();
    drawTimeCharts();
    drawNetworkKey();
    drawNetwork();
    document.body.dataset.rendered = "ok";
  } catch (error) {
    document.body.dataset.rendered = "error";
    const message = html("p", "notice", "The dashboard could not be drawn: " + error);
    document.body.insertBefore(message, document.body.firstChild);
    throw error;
  }
})();
