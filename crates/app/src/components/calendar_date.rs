use leptos::prelude::*;

use clinic_content::text::display_date;

/// A `YYYY-MM-DD` date as readers read it ("Mar 4, 2026"), in a `<time>` machines read.
#[component]
pub fn CalendarDate(iso: String) -> impl IntoView {
    let text = display_date(&iso).unwrap_or_else(|| iso.clone());
    view! { <time datetime=iso>{text}</time> }
}
