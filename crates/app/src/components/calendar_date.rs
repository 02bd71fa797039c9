use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::words::{fill, split_template};

/// A `YYYY-MM-DD` date as readers of the page's language read it ("Mar 4, 2026", "4 de marzo
/// de 2026"), in a `<time>` machines read.
#[component]
pub fn CalendarDate(iso: String) -> impl IntoView {
    let text = use_words().date(&iso).unwrap_or_else(|| iso.clone());
    view! { <time datetime=iso>{text}</time> }
}

/// Words of the page's table with a date in them: `template`'s `{date}` as a
/// [`CalendarDate`], its other placeholders filled from `values`.
#[component]
pub fn DatedWords(
    template: String,
    iso: String,
    #[prop(optional)] values: Vec<(&'static str, String)>,
) -> impl IntoView {
    let (before, after) = split_template(&template, "date");
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let filled = |part: Option<String>| part.map(|part| fill(&part, &values));
    let (before, after) = (filled(before), filled(after));
    view! { {before}<CalendarDate iso />{after} }
}
