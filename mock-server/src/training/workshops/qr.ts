import { renderSVG } from 'uqr';

/**
 * The join URL as a QR code (SVG) for the projector: error correction M survives a glare on the screen, and the
 * four-module quiet zone (border) is what phone cameras need to find the code.
 */
export const qrSvg = (url: string): string => renderSVG(url, { ecc: 'M', border: 4 });
