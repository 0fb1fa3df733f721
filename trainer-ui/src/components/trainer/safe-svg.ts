/**
 * An SVG image from the server (the QR code of the join URL), made safe to put in the page: accepted only when it
 * starts with `<svg` (after an optional XML declaration) and contains no `<script`; it is then parsed as XML and
 * anything active is removed anyway (event attributes, `javascript:` links, foreign objects). Null when refused.
 *
 * @example
 * const el = safeSvg(await api.qrSvg(id)); if (el) container.append(el);
 */
export function safeSvg(text: string): SVGSVGElement | null {
  const source = text.replace(/^\uFEFF/, '').trim();
  const body = source.replace(/^<\?xml[^>]*\?>\s*/i, '');
  if (!/^<svg[\s>]/i.test(body) || /<script/i.test(body)) return null;
  const doc = new DOMParser().parseFromString(body, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg') return null;
  if (doc.getElementsByTagName('parsererror').length) return null;
  for (const el of [...root.querySelectorAll('script, foreignObject, iframe, object, embed')]) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/\s+/g, '').toLowerCase();
      if (name.startsWith('on')) el.removeAttribute(attr.name);
      else if ((name === 'href' || name.endsWith(':href')) && !value.startsWith('#')) el.removeAttribute(attr.name);
      else if (value.includes('javascript:')) el.removeAttribute(attr.name);
    }
  }
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
