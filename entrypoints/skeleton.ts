import { skeletonOf } from '@/lib/skeleton';

// Injected by the popup's "Laporkan salah deteksi" into the current SPSE tab only: its value (the page's
// sanitised skeleton: tags, ids, classes, field names, no values, no text) is what executeScript returns.
export default defineUnlistedScript(() => skeletonOf(document));
