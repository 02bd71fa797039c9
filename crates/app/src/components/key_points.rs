use leptos::prelude::*;

use clinic_content::ids::KEY_POINTS_ID;

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
                <h2 id=KEY_POINTS_ID>"Key points"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}
