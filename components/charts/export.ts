/**
 * A drawn chart as a file: SVG with its colours written in (the page's CSS variables do not travel
 * with the file) on the page's background, and PNG drawn from that SVG through a canvas.
 */
import { downloadBlob } from '../shared/download';

/** Presentation properties a chart's CSS sets, copied onto each element of the copy. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/** The chart as a standalone SVG document: computed colours inlined, a background, explicit size. */
export function serializeSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target) return;
    const style = getComputedStyle(el);
    const inline = PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`)
      .filter((d) => !d.endsWith(':'))
      .join(';');
    target.setAttribute('style', inline);
    target.removeAttribute('class');
    target.removeAttribute('tabindex');
  });
  const { width, height } = exportSize(svg);
  const ns = 'http://www.w3.org/2000/svg';
  // The drawing moves down under its title, written in: the caption is HTML and stays on the page.
  const drawing = document.createElementNS(ns, 'g');
  drawing.setAttribute('transform', `translate(0,${TITLE_H})`);
  drawing.append(...copy.childNodes);
  const body = getComputedStyle(document.body);
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', body.backgroundColor || '#ffffff');
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', '6');
  heading.setAttribute('y', '17');
  heading.setAttribute(
    'style',
    `fill:${body.color || '#000'};font-size:14px;font-weight:600;font-family:${body.fontFamily}`,
  );
  heading.textContent = title;
  const name = document.createElementNS(ns, 'title');
  name.textContent = title;
  copy.append(name, background, heading, drawing);
  copy.removeAttribute('aria-labelledby'); // The caption it names stays on the page.
  copy.setAttribute('xmlns', ns);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(copy);
}

/** Room for the title above the drawing in an exported file, px. */
const TITLE_H = 26;

/** The exported file's size: the drawing as on screen plus its title. */
function exportSize(svg: SVGSVGElement): { width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  return { width: Math.ceil(width), height: Math.ceil(height) + TITLE_H };
}

export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  downloadBlob(new Blob([serializeSvg(svg, title)], { type: 'image/svg+xml' }), filename);
}

/** The chart as PNG at `scale` times its size on screen (sharp when printed or pasted into a slide). */
export async function svgToPng(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const text = serializeSvg(svg, title);
  const { width, height } = exportSize(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw the chart on');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(svg: SVGSVGElement, title: string, filename: string): Promise<void> {
  downloadBlob(await svgToPng(svg, title), filename);
}
