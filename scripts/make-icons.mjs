// Draws the app's mark (a bound logbook with a tick, white on the theme teal) once as SVG and renders
// the PNG icons the manifest and iOS need with Chromium. Run by hand when the mark changes:
//   node scripts/make-icons.mjs
// The PNGs are committed; the build never runs this. The maskable variant keeps everything inside the
// central 80 % circle (the safe zone), because launchers crop it to any shape.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const themeColor = '#0b5d52'; // keep in step with vite.config.ts and src/client/ui/app.css
const ringColor = '#a8e0d4';
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

/** The notebook, centred on (256, 256) in a 512 × 512 box, scaled by `scale`. */
function mark(scale) {
  const rings = [150, 216, 282, 348]
    .map((y) => `<rect x="135" y="${y}" width="46" height="18" rx="9" fill="${ringColor}"/>`)
    .join('');
  return `<g transform="translate(256 256) scale(${scale}) translate(-256 -256)">
    <rect x="157" y="100" width="220" height="312" rx="26" fill="#ffffff"/>
    ${rings}
    <rect x="210" y="160" width="130" height="16" rx="8" fill="${themeColor}"/>
    <rect x="210" y="202" width="96" height="16" rx="8" fill="${themeColor}"/>
    <path d="M214 300 L252 338 L328 262" fill="none" stroke="${themeColor}" stroke-width="28"
      stroke-linecap="round" stroke-linejoin="round"/>
  </g>`;
}

function svg({ radius, scale }) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" rx="${radius}" fill="${themeColor}"/>
  ${mark(scale)}
</svg>
`;
}

const standard = svg({ radius: 96, scale: 1 });
const fullBleed = svg({ radius: 0, scale: 0.9 });
const maskable = svg({ radius: 0, scale: 0.8 });

const outputs = [
  { file: 'icon-192.png', size: 192, source: standard },
  { file: 'icon-512.png', size: 512, source: standard },
  { file: 'icon-maskable-512.png', size: 512, source: maskable },
  // iOS fills transparency with black and rounds the corners itself: give it a full square.
  { file: 'apple-touch-icon.png', size: 180, source: fullBleed },
];

await writeFile(`${publicDir}favicon.svg`, standard);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage();
  for (const { file, size, source } of outputs) {
    await page.setViewportSize({ width: size, height: size });
    const sized = source.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({
      path: `${publicDir}${file}`,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    console.log(`wrote public/${file}`);
  }
} finally {
  await browser.close();
}
