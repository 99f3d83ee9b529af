/**
 * <flowfield-player>: one play/pause button, one slider and one caption that drive several
 * <flowfield-chart> elements at once (org.flowfield.ui.chart.FramePlayer). The charts hold their own
 * frames (setFrames) with their own controls hidden (attribute external-player); the player calls
 * showFrame(i) on every chart whose data-player-group equals its group attribute, and moves on
 * only when all of them have painted, so slow charts are never overrun.
 */
class FlowfieldPlayer extends HTMLElement {
  private labels: string[] = [];
  private framesPerSecond = 5;
  private frameIndex = 0;
  private playing = false;
  private timer?: number;
  private playButton?: HTMLButtonElement;
  private slider?: HTMLInputElement;
  private caption?: HTMLSpanElement;

  connectedCallback() {
    if (!this.playButton) {
      this.style.display = 'flex';
      this.style.alignItems = 'center';
      this.style.gap = 'var(--lumo-space-s, 0.5rem)';
      this.playButton = document.createElement('button');
      this.playButton.type = 'button';
      this.playButton.className = 'flowfield-player-play';
      this.playButton.textContent = 'Play';
      this.playButton.setAttribute('aria-pressed', 'false');
      this.playButton.addEventListener('click', () => (this.playing ? this.pause() : this.play()));
      this.slider = document.createElement('input');
      this.slider.type = 'range';
      this.slider.min = '0';
      this.slider.max = '0';
      this.slider.step = '1';
      this.slider.value = '0';
      this.slider.className = 'flowfield-player-slider';
      this.slider.style.flex = '1';
      this.slider.setAttribute('aria-label', this.getAttribute('aria-label') ?? 'Frame of every chart');
      this.slider.addEventListener('input', () => {
        const index = Number(this.slider!.value);
        this.pause();
        this.showFrame(index);
      });
      this.caption = document.createElement('span');
      this.caption.className = 'flowfield-player-label';
      this.caption.setAttribute('aria-live', 'polite');
      this.caption.style.minWidth = '18em';
      this.append(this.playButton, this.slider, this.caption);
    }
    this.update();
  }

  disconnectedCallback() {
    this.pause();
  }

  /** Sets the frames' captions (one per frame), the playing speed and the frame to show first. */
  async setFrames(labelsJson: string, framesPerSecond: number, startIndex: number): Promise<void> {
    this.pause();
    this.labels = JSON.parse(labelsJson) as string[];
    this.framesPerSecond = framesPerSecond;
    await this.showFrame(Math.min(Math.max(0, startIndex), Math.max(0, this.labels.length - 1)));
  }

  /** Shows frame i in every chart of the group; resolves when all have painted it. */
  async showFrame(index: number): Promise<void> {
    if (this.labels.length === 0) {
      return;
    }
    this.frameIndex = index;
    this.update();
    await Promise.all(this.charts().map((chart) => chart.showFrame(index)));
  }

  play() {
    if (this.labels.length < 2 || this.playing) {
      return;
    }
    this.playing = true;
    this.update();
    const step = async () => {
      if (!this.playing) {
        return;
      }
      const started = performance.now();
      const next = this.frameIndex >= this.labels.length - 1 ? 0 : this.frameIndex + 1;
      await this.showFrame(next);
      if (next >= this.labels.length - 1) {
        this.pause();
        return;
      }
      const wait = Math.max(0, 1000 / this.framesPerSecond - (performance.now() - started));
      this.timer = window.setTimeout(step, wait);
    };
    step();
  }

  pause() {
    this.playing = false;
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.update();
  }

  private charts(): { showFrame(index: number): Promise<void> }[] {
    const group = this.getAttribute('group') ?? '';
    return Array.from(document.querySelectorAll('flowfield-chart')).filter(
      (chart) => (chart as HTMLElement).dataset.playerGroup === group,
    ) as unknown as { showFrame(index: number): Promise<void> }[];
  }

  private update() {
    if (!this.playButton || !this.slider || !this.caption) {
      return;
    }
    this.playButton.textContent = this.playing ? 'Pause' : 'Play';
    this.playButton.setAttribute('aria-pressed', String(this.playing));
    this.playButton.disabled = this.labels.length < 2;
    this.slider.max = String(Math.max(0, this.labels.length - 1));
    this.slider.value = String(this.frameIndex);
    this.caption.textContent = this.labels[this.frameIndex] ?? '';
    this.dataset.frame = String(this.frameIndex);
    this.toggleAttribute('playing', this.playing);
  }
}

customElements.define('flowfield-player', FlowfieldPlayer);
