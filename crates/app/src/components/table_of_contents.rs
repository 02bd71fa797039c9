use leptos::html::Nav;
use leptos::prelude::*;
use leptos_use::{use_intersection_observer_with_options, UseIntersectionObserverOptions};

use crate::components::SectionLink;
use crate::first_paint::{use_page_complete, AfterFirstPaint};
use crate::navigation::{reading_line, READING_LINE_MARGIN};
use crate::words::use_words;
use clinic_content::ids::CONTENTS_LIST_ID;
use clinic_content::words::Word;
use clinic_content::{Outline, OutlineEntry};

/// The article's sections as links, marking the one being read. A sticky sidebar on wide
/// screens; a "Contents" disclosure above the body on narrow ones.
#[component]
pub fn TableOfContents(
    outline: Outline,
    /// Set to the id of the section being read.
    current: RwSignal<Option<String>>,
) -> impl IntoView {
    let mut entries = outline.sections.clone();
    entries.extend(outline.faq.clone().map(|faq| OutlineEntry {
        children: Vec::new(),
        ..faq
    }));
    let ids: Vec<String> = entries
        .iter()
        .flat_map(|entry| std::iter::once(entry).chain(&entry.children))
        .map(|entry| entry.id.clone())
        .collect();
    current.set(ids.first().cloned());
    track_current_section(ids, current);
    let nav = NodeRef::<Nav>::new();
    keep_current_entry_in_view(nav, current);

    let expanded = RwSignal::new(false);
    let words = use_words();
    view! {
        <nav class="toc" aria-label=words.text(Word::TableOfContents) node_ref=nav>
            <button
                type="button"
                class="action toc-toggle"
                aria-expanded=move || expanded.get().to_string()
                aria-controls=CONTENTS_LIST_ID
                on:click=move |_| expanded.update(|open| *open = !*open)
            >
                {words.text(Word::Contents)}
            </button>
            <p class="toc-title" aria-hidden="true">{words.text(Word::Contents)}</p>
            <AfterFirstPaint>
                <ol id=CONTENTS_LIST_ID class="toc-list" hidden=move || !expanded.get()>
                    {entries
                        .iter()
                        .cloned()
                        .map(|entry| view! { <TocEntry entry current /> })
                        .collect_view()}
                </ol>
            </AfterFirstPaint>
        </nav>
    }
}

#[component]
fn TocEntry(entry: OutlineEntry, current: RwSignal<Option<String>>) -> AnyView {
    let children = (!entry.children.is_empty()).then(|| {
        view! {
            <ol>
                {entry
                    .children
                    .iter()
                    .cloned()
                    .map(|child| view! { <TocEntry entry=child current /> })
                    .collect_view()}
            </ol>
        }
    });
    view! {
        <li>
            <SectionLink id=entry.id.clone() current>
                {entry.text.clone()}
            </SectionLink>
            {children}
        </li>
    }
    // Erased: an entry contains entries.
    .into_any()
}

/// Scroll-spy: whenever a heading crosses the reading line, the current section becomes the
/// last one whose heading is above that line (the first while the reader is still above all
/// of them). An IntersectionObserver tells us when; nothing runs on every scroll, and neither
/// focus nor scroll position is ever touched. It starts once every section is in the page.
fn track_current_section(ids: Vec<String>, current: RwSignal<Option<String>>) {
    let complete = use_page_complete();
    let mut ids = Some(ids);
    Effect::new(move |_| {
        if !complete.get() {
            return;
        }
        let Some(ids) = ids.take() else { return };
        let document = document();
        let headings: Vec<web_sys::Element> = ids
            .iter()
            .filter_map(|id| document.get_element_by_id(id))
            .collect();
        let observed = headings.clone();
        use_intersection_observer_with_options(
            observed,
            move |_, _| {
                let line = reading_line();
                let above = headings
                    .iter()
                    .rev()
                    .find(|heading| heading.get_bounding_client_rect().top() <= line)
                    .or(headings.first());
                current.set(above.map(|heading| heading.id()));
            },
            UseIntersectionObserverOptions::default().root_margin(READING_LINE_MARGIN),
        );
    });
}

/// On wide screens the contents scroll on their own: keep the current entry within them by
/// scrolling the sidebar alone (never the page, never focus).
fn keep_current_entry_in_view(nav: NodeRef<Nav>, current: RwSignal<Option<String>>) {
    Effect::new(move |_| {
        let (Some(nav), Some(id)) = (nav.get(), current.get()) else {
            return;
        };
        if nav.scroll_height() <= nav.client_height() {
            return;
        }
        let Ok(Some(link)) = nav.query_selector(&format!("a[href$=\"#{id}\"]")) else {
            return;
        };
        let (outer, inner) = (
            nav.get_bounding_client_rect(),
            link.get_bounding_client_rect(),
        );
        if inner.top() < outer.top() || inner.bottom() > outer.bottom() {
            let target =
                f64::from(nav.scroll_top()) + inner.top() - outer.top() - outer.height() / 3.0;
            nav.set_scroll_top(target.max(0.0) as i32);
        }
    });
}
