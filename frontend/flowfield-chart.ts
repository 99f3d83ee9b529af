import ApexCharts from 'apexcharts';

/**
 * <flowfield-chart>: an ApexCharts chart driven from Java (org.flowfield.ui.chart.FlowChart).
 *
 * The server sends JSON: the chart's layout once (configure), then series to draw (draw) or a
 * sequence of frames to play (setFrames). Every call resolves only after the browser has painted
 * the result, which is how the server learns that a frame was drawn and may send the next one.
 * The element renders into its light DOM so that ApexCharts' own styles apply.
 */
interface SeriesJson {
  name: string;
  type: 'line' | 'scatter';
  color: string;
  data: [number, number][];
  /** Marker radius in pixels (scatter series); the layout's default when absent. */
  size?: number;
  /** Marker shape (scatter series): 'circle' when absent, or 'square' (e.g. heat-map cells). */
  shape?: 'circle' | 'square';
  /** Drawn beneath every other series (e.g. a density heat map behind points and paths). */
  backdrop?: boolean;
}

interface FrameJson {
  label: string;
  series: SeriesJson[];
}

interface LayoutJson {
  kind: 'line' | 'scatter';
  title: string;
  xTitle: string;
  yTitle: string;
  xMin?: number;
  xMax?: number;
  yMin?: number;
  yMax?: number;
  logY?: boolean;
  height: number;
  fileName: string;
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

class FlowfieldChart extends HTMLElement {
  private chart?: ApexCharts;
  private layout?: LayoutJson;
  private series: SeriesJson[] = [];
  private frames: FrameJson[] = [];
  private frameIndex = 0;
  private framesPerSecond = 4;
  private timer?: number;
  private plot?: HTMLDivElement;
  private player?: HTMLDivElement;
  private playButton?: HTMLButtonElement;
  private slider?: HTMLInputElement;
  private frameLabel?: HTMLSpanElement;

  connectedCallback() {
    if (!this.plot) {
      this.style.display = 'block';
      this.plot = document.createElement('div');
      this.plot.className = 'flowfield-chart-plot';
      this.player = this.createPlayer();
      this.append(this.plot, this.player);
    }
    if (this.layout && !this.chart) {
      this.render();
    }
  }

  disconnectedCallback() {
    this.pause();
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** Sets the chart's layout (kind, titles, axis ranges) and draws its current series. */
  async configure(layoutJson: string): Promise<void> {
    this.layout = JSON.parse(layoutJson) as LayoutJson;
    this.chart?.destroy();
    this.chart = undefined;
    if (this.isConnected) {
      await this.render();
    }
  }

  /** Replaces the drawn series; resolves once they are painted. */
  async draw(seriesJson: string): Promise<void> {
    this.pause();
    this.frames = [];
    if (this.player) {
      this.player.style.display = 'none';
    }
    await this.drawSeries(JSON.parse(seriesJson) as SeriesJson[]);
  }

  private async drawSeries(series: SeriesJson[]): Promise<void> {
    const typeBefore = this.chartType();
    this.series = series;
    if (this.chart && this.chartType() !== typeBefore) {
      this.chart.destroy();
      this.chart = undefined;
      await this.render();
    } else if (this.chart) {
      await this.chart.updateOptions(
        {
          series: this.apexSeries(this.series),
          markers: this.markers(this.series),
          stroke: this.stroke(this.series),
          // ApexCharts drops a fixed x range from the second update on unless it is given again
          xaxis: { min: this.layout?.xMin, max: this.layout?.xMax },
        },
        false,
        false,
      );
      this.lowerBackdrops();
    }
    await nextPaint();
  }

  /** Loads frames for the player (play/pause and a slider) and shows the chosen one. */
  async setFrames(framesJson: string, framesPerSecond: number, startIndex: number): Promise<void> {
    this.pause();
    this.frames = JSON.parse(framesJson) as FrameJson[];
    this.framesPerSecond = framesPerSecond;
    if (this.player && this.slider) {
      this.player.style.display = this.frames.length < 2 ? 'none' : 'flex';
      this.slider.max = String(Math.max(0, this.frames.length - 1));
      // driven by a <flowfield-player>: keep the frame's caption, hide the own button and slider
      const own = this.hasAttribute('external-player') ? 'none' : '';
      this.playButton!.style.display = own;
      this.slider.style.display = own;
    }
    await this.showFrame(Math.min(Math.max(0, startIndex), Math.max(0, this.frames.length - 1)));
  }

  /** Shows one frame of the player (also what the slider does). */
  async showFrame(index: number): Promise<void> {
    if (this.frames.length === 0) {
      return;
    }
    this.frameIndex = index;
    const frame = this.frames[index];
    if (this.slider) {
      this.slider.value = String(index);
    }
    if (this.frameLabel) {
      this.frameLabel.textContent = frame.label;
    }
    this.dataset.frame = String(index);
    await this.drawSeries(frame.series);
  }

  play() {
    if (this.frames.length < 2 || this.timer !== undefined) {
      return;
    }
    if (this.frameIndex >= this.frames.length - 1) {
      this.showFrame(0);
    }
    this.setPlaying(true);
    this.timer = window.setInterval(() => {
      if (this.frameIndex >= this.frames.length - 1) {
        this.pause();
        return;
      }
      this.showFrame(this.frameIndex + 1);
    }, 1000 / this.framesPerSecond);
  }

  pause() {
    if (this.timer !== undefined) {
      window.clearInterval(this.timer);
      this.timer = undefined;
    }
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean) {
    if (this.playButton) {
      this.playButton.textContent = playing ? 'Pause' : 'Play';
      this.playButton.setAttribute('aria-pressed', String(playing));
    }
    this.toggleAttribute('playing', playing);
  }

  private createPlayer(): HTMLDivElement {
    const player = document.createElement('div');
    player.className = 'flowfield-chart-player';
    player.style.display = 'none';
    player.style.alignItems = 'center';
    player.style.gap = 'var(--lumo-space-s, 0.5rem)';
    this.playButton = document.createElement('button');
    this.playButton.type = 'button';
    this.playButton.className = 'flowfield-chart-play';
    this.playButton.textContent = 'Play';
    this.playButton.addEventListener('click', () => (this.timer === undefined ? this.play() : this.pause()));
    this.slider = document.createElement('input');
    this.slider.type = 'range';
    this.slider.min = '0';
    this.slider.step = '1';
    this.slider.className = 'flowfield-chart-slider';
    this.slider.style.flex = '1';
    this.slider.setAttribute('aria-label', 'Frame');
    this.slider.addEventListener('input', () => {
      this.pause();
      this.showFrame(Number(this.slider!.value));
    });
    this.frameLabel = document.createElement('span');
    this.frameLabel.className = 'flowfield-chart-frame-label';
    this.frameLabel.style.minWidth = '8em';
    player.append(this.playButton, this.slider, this.frameLabel);
    return player;
  }

  private async render(): Promise<void> {
    const layout = this.layout!;
    this.chart = new ApexCharts(this.plot!, {
      chart: {
        type: this.chartType(),
        height: layout.height,
        animations: { enabled: false },
        zoom: { enabled: true, type: 'xy' },
        // the tools get a line of their own under the title, which a narrow chart's long title would run under
        toolbar: {
          show: true,
          offsetY: 24,
          tools: { download: true, selection: false, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true },
          export: {
            csv: { filename: layout.fileName },
            svg: { filename: layout.fileName },
            png: { filename: layout.fileName },
          },
        },
        events: {
          click: (_event: MouseEvent, chart: any) => this.reportClick(_event, chart),
          mounted: () => this.lowerBackdrops(),
          updated: () => this.lowerBackdrops(),
        },
      },
      title: { text: layout.title, style: { fontWeight: 500 } },
      grid: { padding: { top: 28 } },
      series: this.apexSeries(this.series),
      // ApexCharts writes legend and tooltip names as HTML: escape them, names are user text
      legend: { show: true, showForSingleSeries: false, formatter: (name: string) => escapeHtml(name) },
      markers: this.markers(this.series),
      stroke: this.stroke(this.series),
      dataLabels: { enabled: false },
      tooltip: {
        enabled: layout.kind === 'line',
        shared: false,
        intersect: false,
        y: { title: { formatter: (name: string) => escapeHtml(name) } },
      },
      xaxis: {
        type: 'numeric',
        min: layout.xMin,
        max: layout.xMax,
        tickAmount: 6,
        title: { text: layout.xTitle },
        labels: { formatter: (value: string) => formatNumber(Number(value)) },
      },
      yaxis: {
        min: layout.yMin,
        max: layout.yMax,
        logarithmic: layout.logY ?? false,
        tickAmount: 6,
        title: { text: layout.yTitle },
        labels: { formatter: (value: number) => formatNumber(value) },
      },
    });
    await this.chart.render();
    await nextPaint();
  }

  /** Tells the server where the user clicked, in data coordinates (used to pick points). */
  private reportClick(event: MouseEvent, chart: any) {
    const globals = chart?.w?.globals;
    const grid = this.plot?.querySelector('.apexcharts-grid')?.getBoundingClientRect();
    if (!globals || !grid || grid.width === 0 || grid.height === 0) {
      return;
    }
    const fx = (event.clientX - grid.left) / grid.width;
    const fy = (event.clientY - grid.top) / grid.height;
    if (fx < 0 || fx > 1 || fy < 0 || fy > 1) {
      return;
    }
    const x = globals.minX + fx * (globals.maxX - globals.minX);
    const y = globals.maxY - fy * (globals.maxY - globals.minY);
    this.dispatchEvent(new CustomEvent('chart-click', { detail: { x, y } }));
  }

  /**
   * ApexCharts draws lines among scatter series (paths over points) only in a line chart whose
   * scatter series say so; a scatter chart with line series loses its lines and its fixed x range.
   */
  private chartType(): 'line' | 'scatter' {
    return this.series.some((s) => s.type === 'line') ? 'line' : (this.layout?.kind ?? 'line');
  }

  /** Per series: scatter markers of their size and shape, none on lines (a chart may mix both). */
  private markers(series: SeriesJson[]) {
    const scatterSize = 3;
    if (series.length === 0) {
      return { size: this.layout?.kind === 'scatter' ? scatterSize : 0, strokeWidth: 0 };
    }
    return {
      size: series.map((s) => (s.type === 'line' ? 0 : (s.size ?? scatterSize))),
      shape: series.map((s) => s.shape ?? 'circle'),
      strokeWidth: 0,
    };
  }

  /** Per series: 2-pixel lines, no stroke around scatter markers. */
  private stroke(series: SeriesJson[]) {
    if (series.length === 0) {
      return { width: this.layout?.kind === 'line' ? 2 : 0 };
    }
    return { width: series.map((s) => (s.type === 'line' ? 2 : 0)) };
  }

  /**
   * ApexCharts paints line series before scatter series; a backdrop (a heat map of square
   * markers) must lie under both, so its group is moved to the front of the plot's drawing order.
   */
  private lowerBackdrops() {
    const graphical = this.plot?.querySelector('.apexcharts-graphical');
    if (!graphical) {
      return;
    }
    this.series.forEach((s, index) => {
      if (!s.backdrop) {
        return;
      }
      const group = graphical.querySelector(`.apexcharts-series[data\\:realIndex="${index}"]`);
      const wrapper = group?.closest('.apexcharts-plot-series');
      if (!group || !wrapper) {
        return;
      }
      wrapper.prepend(group);
      const first = graphical.querySelector(':scope > .apexcharts-plot-series');
      if (first && first !== wrapper) {
        graphical.insertBefore(wrapper, first);
      }
    });
  }

  private apexSeries(series: SeriesJson[]) {
    return series.map((s) => ({ name: s.name, type: s.type, color: s.color, data: s.data }));
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return '';
  }
  const magnitude = Math.abs(value);
  if (magnitude >= 10000) {
    return value.toLocaleString('en', { maximumFractionDigits: 0 });
  }
  return magnitude >= 10 ? value.toFixed(0) : value.toFixed(magnitude >= 1 ? 1 : 2);
}

customElements.define('flowfield-chart', FlowfieldChart);
