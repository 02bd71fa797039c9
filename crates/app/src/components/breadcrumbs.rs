use leptos::prelude::*;

use crate::site_address::use_site_address;
use crate::words::use_words;
use clinic_content::library::Crumb;
use clinic_content::words::Word;

/// Where the page sits in the site (the APG breadcrumb pattern): a link for each step from the
/// home page, the last one the page itself.
#[component]
pub fn Breadcrumbs(trail: Vec<Crumb>) -> impl IntoView {
    let base = use_site_address().base;
    let last = trail.len().saturating_sub(1);
    let steps = trail
        .into_iter()
        .enumerate()
        .map(|(step, crumb)| {
            view! {
                <li>
                    <a
                        href=format!("{base}{}", crumb.path)
                        aria-current=(step == last).then_some("page")
                    >
                        {crumb.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="breadcrumbs" aria-label=use_words().text(Word::Breadcrumb)>
            <ol>{steps}</ol>
        </nav>
    }
}
