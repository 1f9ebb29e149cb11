import { misdetectionReport } from '@/lib/skeleton';
import { explain, explainLine } from '@/lib/page/recognition/explain';
import { collect } from '@/lib/page/recognition/snapshot';

// Injected by the popup's "Laporkan salah deteksi" into the current SPSE tab only: its value (the page's
// sanitised skeleton: tags, ids, classes, field names, no values, no text; and the recognition's signal ids,
// lib/page/recognition/explain.ts) is what executeScript returns.
export default defineUnlistedScript(() => misdetectionReport(document, location.href, (doc, url) => explainLine(explain(url, collect(doc)))));
