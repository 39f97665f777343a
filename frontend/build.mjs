// Builds the site's static assets from nhsuk-frontend and the project's own styles.
// The design system's stylesheet loads its typeface from an NHS CDN; the platform serves
// nothing from a CDN, so those @font-face rules are dropped (the system falls back to
// Arial) and image URLs are made relative to the built stylesheet.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "node_modules", "nhsuk-frontend", "dist", "nhsuk");
const out = join(here, "build", "frontend");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "images"), { recursive: true });

// Source maps are not shipped, so references to them would break fingerprinting.
const withoutSourceMap = (text) => text.replace(/\/[*/]# sourceMappingURL=[^\n*]*(\*\/)?/g, "");

const designSystem = withoutSourceMap(readFileSync(join(dist, "nhsuk-frontend.min.css"), "utf8"))
  .replace(/@font-face\{[^}]*https:\/\/[^}]*\}/g, "")
  .replaceAll("url(/assets/images/", "url(images/");
if (designSystem.includes("https://")) {
  throw new Error("nhsuk-frontend stylesheet still refers to an external URL");
}
const own = readFileSync(join(here, "src", "site.css"), "utf8");
writeFileSync(join(out, "site.css"), `${designSystem}\n${own}`);

writeFileSync(
  join(out, "nhsuk-frontend.min.js"),
  withoutSourceMap(readFileSync(join(dist, "nhsuk-frontend.min.js"), "utf8")),
);
cpSync(join(dist, "assets", "images"), join(out, "images"), { recursive: true });
cpSync(join(here, "src", "site.js"), join(out, "site.js"));
cpSync(join(here, "src", "admin.css"), join(out, "admin.css"));
console.log(`built ${out}`);
