use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::ids::KEY_POINTS_ID;
use clinic_content::words::Word;

/// The article's gist in plain sentences, before its text; nothing when it has none.
#[component]
pub fn KeyPoints(points: Vec<String>) -> impl IntoView {
    (!points.is_empty()).then(|| {
        let items = points
            .into_iter()
            .map(|point| view! { <li>{point}</li> })
            .collect_view();
        view! {
            <section class="key-points" aria-labelledby=KEY_POINTS_ID>
                <h2 id=KEY_POINTS_ID>{use_words().text(Word::KeyPoints)}</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
