use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::words::Word;

use crate::loading::SavedOn;

/// A quiet line under the header when the page comes from the copy saved on this device
/// because the network cannot be reached, with the day that copy was saved. A status, not an
/// alert: it never interrupts. Always in the page, hidden otherwise: on a pre-rendered page
/// the service worker marks `<html>`, and the styles show it before the app runs. The day is
/// what only the browser knows, so it comes after the first render, and the status reads
/// once.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let saved_on = use_context::<SavedOn>().unwrap_or_default();
    let from_saved_copy = saved_on.is_saved_copy();
    let words = use_words();
    let without_day = words.text(Word::OfflineCopy);
    let (notice, set_notice) = signal(without_day);
    Effect::new(move |_| {
        let day = saved_on.0.as_deref().and_then(|day| words.date(day));
        if let Some(day) = day {
            set_notice.set(words.filled(Word::OfflineCopyOn, &[("date", &day)]));
        }
    });
    view! {
        <p class="offline-notice" role="status" hidden=!from_saved_copy>
            {notice}
        </p>
    }
}
