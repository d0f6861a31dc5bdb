/** Shared Tailwind classes of the account pages, matching the article form and the sign-in form. */
export const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-3 py-2 focus:border-accent aria-[invalid=true]:border-red-600";
export const primaryButton = "rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-[#163d6c] disabled:opacity-60";
export const secondaryButton = "rounded border border-rule bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50";
export const cardClass = "mt-8 rounded-lg border border-rule bg-white p-6 shadow-sm";
export const errorBox = "rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800";
export const noticeBox = "rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900";
