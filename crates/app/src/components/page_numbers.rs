use leptos::prelude::*;

use crate::words::use_words;
use clinic_content::words::{split_template, Word};

use crate::site_address::use_site_address;

/// How many page numbers show on each side of the current one: the rest are a gap, so a list
/// of hundreds of pages keeps a short row.
const NEIGHBOURS: usize = 2;

/// The pages of a long list as links: the previous and next page, the first and last, and
/// those around the current one, which is marked as such. None for a list of one page.
#[component]
pub fn PageNumbers(
    /// The page shown, from 1.
    page: usize,
    /// The address of each page of the list in order, relative to the site's base.
    paths: Vec<String>,
) -> impl IntoView {
    let base = use_site_address().base;
    let pages = paths.len();
    let href = |number: usize| {
        let path = paths
            .get(number.saturating_sub(1))
            .cloned()
            .unwrap_or_default();
        format!("{base}{path}")
    };
    let shown: Vec<usize> = (1..=pages)
        .filter(|number| *number == 1 || *number == pages || number.abs_diff(page) <= NEIGHBOURS)
        .collect();
    let words = use_words();
    let (page_before, page_after) = split_template(words.get(Word::PageNumber), "number");
    let mut items = Vec::new();
    if page > 1 {
        items.push(
            view! { <li><a href=href(page - 1) rel="prev">{words.text(Word::PreviousPage)}</a></li> }.into_any(),
        );
    }
    let mut last = 0;
    for number in shown {
        if number > last + 1 {
            items.push(view! { <li class="page-numbers-gap">"…"</li> }.into_any());
        }
        last = number;
        let current = (number == page).then_some("page");
        items.push(
            view! {
                <li>
                    <a href=href(number) aria-current=current>
                        {page_before
                            .clone()
                            .map(|before| view! { <span class="visually-hidden">{before}</span> })}
                        {number}
                        {page_after
                            .clone()
                            .map(|after| view! { <span class="visually-hidden">{after}</span> })}
                    </a>
                </li>
            }
            .into_any(),
        );
    }
    if page < pages {
        items.push(
            view! { <li><a href=href(page + 1) rel="next">{words.text(Word::NextPage)}</a></li> }
                .into_any(),
        );
    }
    (pages > 1).then(|| {
        view! {
            <nav class="page-numbers" aria-label=words.text(Word::Pages)>
                <ul>{items}</ul>
            </nav>
        }
    })
}
