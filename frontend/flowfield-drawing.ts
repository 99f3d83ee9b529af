/**
 * <flowfield-drawing>: a canvas on which a student paints a data set with a round brush, driven
 * from Java (org.flowfield.datasets.ui.DrawingCanvas).
 *
 * The canvas shows the square [-halfWidth, halfWidth]² of the data's coordinates, y upwards; the
 * attributes half-width, brush-width, max-strokes and max-stroke-points come from the server. Each
 * stroke is a polyline in those coordinates with the brush width it was painted with; the canvas
 * paints it with round caps and joins, which is exactly the union of discs and capsules the server
 * samples under. After every change (a stroke ends, undo, clear) the element fires
 * 'strokes-changed' whose detail is every stroke: [{w: width, p: [x0, y0, x1, y1, ...]}].
 */
interface StrokeJson {
  w: number;
  p: number[];
}

/** A new point joins a stroke once the pointer has moved this many pixels from the last one. */
const MIN_STEP_PIXELS = 3;

class FlowfieldDrawing extends HTMLElement {
  /** Half the side of the square shown, in the data's coordinates (attribute half-width). */
  get halfWidth(): number {
    return this.number('half-width', 4);
  }

  /** The brush's width (the diameter of its tip), in the data's coordinates (attribute brush-width). */
  get brushWidth(): number {
    return this.number('brush-width', 0.3);
  }

  get maxStrokes(): number {
    return this.number('max-strokes', 100);
  }

  get maxStrokePoints(): number {
    return this.number('max-stroke-points', 2000);
  }

  private number(attribute: string, fallback: number): number {
    const value = Number(this.getAttribute(attribute));
    return this.hasAttribute(attribute) && Number.isFinite(value) && value > 0 ? value : fallback;
  }

  private strokes: StrokeJson[] = [];
  private current?: StrokeJson;
  private canvas?: HTMLCanvasElement;
  private undoButton?: HTMLButtonElement;
  private clearButton?: HTMLButtonElement;
  private note?: HTMLSpanElement;

  connectedCallback() {
    if (this.canvas) {
      return;
    }
    this.style.display = 'inline-block';
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      canvas { display: block; border: 1px solid var(--lumo-contrast-30pct, #999); border-radius: 4px;
               background: var(--lumo-base-color, #fff); cursor: crosshair; touch-action: none; }
      .tools { display: flex; gap: 0.5em; align-items: center; margin-top: 0.4em; font: inherit; }
      button { font: inherit; padding: 0.2em 0.9em; }
      .note { color: var(--lumo-secondary-text-color, #666); }`;
    this.canvas = document.createElement('canvas');
    this.canvas.width = 480;
    this.canvas.height = 480;
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', 'Drawing canvas');
    this.undoButton = this.button('Undo', () => this.undo());
    this.clearButton = this.button('Clear', () => this.clear());
    this.note = document.createElement('span');
    this.note.className = 'note';
    const tools = document.createElement('div');
    tools.className = 'tools';
    tools.append(this.undoButton, this.clearButton, this.note);
    root.append(style, this.canvas, tools);
    this.canvas.addEventListener('pointerdown', (e) => this.start(e));
    this.canvas.addEventListener('pointermove', (e) => this.extend(e));
    this.canvas.addEventListener('pointerup', () => this.finish());
    this.canvas.addEventListener('pointerleave', () => this.finish());
    this.canvas.addEventListener('pointercancel', () => this.finish());
    this.paint();
  }

  /** Removes the last stroke. */
  undo() {
    if (this.strokes.length > 0) {
      this.strokes.pop();
      this.changed();
    }
  }

  /** Removes every stroke. */
  clear() {
    if (this.strokes.length > 0) {
      this.strokes = [];
      this.changed();
    }
  }

  private button(text: string, action: () => void): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('click', action);
    return button;
  }

  private start(e: PointerEvent) {
    if (this.strokes.length >= this.maxStrokes) {
      this.say(`A drawing has at most ${this.maxStrokes} strokes.`);
      return;
    }
    this.canvas!.setPointerCapture?.(e.pointerId);
    const [x, y] = this.toData(e);
    this.current = { w: this.brushWidth, p: [x, y] };
    this.strokes.push(this.current);
    this.paint();
  }

  private extend(e: PointerEvent) {
    if (!this.current) {
      return;
    }
    const p = this.current.p;
    if (p.length / 2 >= this.maxStrokePoints) {
      this.say(`A stroke has at most ${this.maxStrokePoints} points: lift the brush and start another.`);
      return;
    }
    const [x, y] = this.toData(e);
    const scale = this.canvas!.width / (2 * this.halfWidth);
    const dx = (x - p[p.length - 2]) * scale;
    const dy = (y - p[p.length - 1]) * scale;
    if (dx * dx + dy * dy >= MIN_STEP_PIXELS * MIN_STEP_PIXELS) {
      p.push(x, y);
      this.paint();
    }
  }

  private finish() {
    if (this.current) {
      this.current = undefined;
      this.changed();
    }
  }

  private changed() {
    this.say('');
    this.paint();
    this.dispatchEvent(new CustomEvent('strokes-changed', { detail: this.strokes.map((s) => ({ w: s.w, p: [...s.p] })) }));
  }

  private say(text: string) {
    if (this.note) {
      this.note.textContent = text;
    }
  }

  /** The pointer's position in the data's coordinates, kept on the canvas, to four decimals. */
  private toData(e: PointerEvent): [number, number] {
    const box = this.canvas!.getBoundingClientRect();
    const u = Math.min(Math.max((e.clientX - box.left) / box.width, 0), 1);
    const v = Math.min(Math.max((e.clientY - box.top) / box.height, 0), 1);
    const round = (value: number) => Math.round(value * 1e4) / 1e4;
    return [round((2 * u - 1) * this.halfWidth), round((1 - 2 * v) * this.halfWidth)];
  }

  private paint() {
    const canvas = this.canvas!;
    const g = canvas.getContext('2d')!;
    const scale = canvas.width / (2 * this.halfWidth);
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.strokeStyle = 'rgba(128, 128, 128, 0.35)';
    g.lineWidth = 1;
    g.beginPath();
    g.moveTo(canvas.width / 2, 0);
    g.lineTo(canvas.width / 2, canvas.height);
    g.moveTo(0, canvas.height / 2);
    g.lineTo(canvas.width, canvas.height / 2);
    g.stroke();
    g.strokeStyle = 'rgba(22, 118, 243, 0.55)';
    g.fillStyle = 'rgba(22, 118, 243, 0.55)';
    g.lineCap = 'round';
    g.lineJoin = 'round';
    const px = (x: number) => (x + this.halfWidth) * scale;
    const py = (y: number) => (this.halfWidth - y) * scale;
    for (const stroke of this.strokes) {
      g.lineWidth = stroke.w * scale;
      g.beginPath();
      if (stroke.p.length === 2) {
        g.arc(px(stroke.p[0]), py(stroke.p[1]), (stroke.w * scale) / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      g.moveTo(px(stroke.p[0]), py(stroke.p[1]));
      for (let i = 2; i < stroke.p.length; i += 2) {
        g.lineTo(px(stroke.p[i]), py(stroke.p[i + 1]));
      }
      g.stroke();
    }
    if (this.undoButton && this.clearButton) {
      this.undoButton.disabled = this.strokes.length === 0;
      this.clearButton.disabled = this.strokes.length === 0;
    }
  }
}

customElements.define('flowfield-drawing', FlowfieldDrawing);
