use std::rc::Rc;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::components::{Icon, IconKind};
use crate::loading::SavedOn;
use crate::navigation::after_mount;
use crate::search_worker::SearchWorker;
use crate::site_address::use_site_address;
use crate::words::{use_page_language, use_words};
use clinic_content::ids::{SEARCH_INPUT_ID, SEARCH_RESULTS_ID, SEARCH_STATUS_ID};
use clinic_content::language::same_language;
use clinic_content::search::SearchResult;
use clinic_content::words::{Word, Words};
use clinic_content::{article_path, ContentError};

/// The most results shown: enough to scan at a glance.
const MAX_RESULTS: usize = 8;

/// Where the search index is: its worker starts, and downloads the index's directory, only
/// once a reader starts to search; each query downloads the chunks it needs.
#[derive(Clone)]
enum IndexState {
    NotLoaded,
    Loading,
    /// The worker with the index open, and when its directory came from the copy saved on
    /// the device, the day it was saved. (The worker lives on this page's thread only.)
    Ready(SendWrapper<Rc<SearchWorker>>, SavedOn),
    Failed(String),
}

/// What the search answered last, and for which query: the field may already hold another
/// one, whose answer is on its way.
#[derive(Clone, PartialEq)]
struct Answer {
    query: String,
    found: Result<Vec<SearchResult>, String>,
}

/// Search from the header: a labelled field in a `search` landmark, with the results below it
/// as links (reached with Tab or the arrow keys; Enter in the field opens the first), each
/// naming its article, category and the section it links straight to. Escape clears it. A
/// polite status says how many results there are.
#[component]
pub fn SiteSearch() -> impl IntoView {
    let base = use_site_address().base;
    // Read by closures that are copied into several handlers.
    let words = StoredValue::new(use_words());
    let language = StoredValue::new(use_page_language());
    let query = RwSignal::new(String::new());
    // Whether the results show: while the search has focus.
    let open = RwSignal::new(false);
    let index = RwSignal::new(IndexState::NotLoaded);
    let container = NodeRef::<Div>::new();
    let input = NodeRef::<Input>::new();
    let site_base = StoredValue::new(base.clone());
    let start_loading = move || {
        if matches!(
            index.get_untracked(),
            IndexState::NotLoaded | IndexState::Failed(_)
        ) {
            index.set(IndexState::Loading);
            let base = site_base.get_value();
            leptos::task::spawn_local(async move {
                index.set(match SearchWorker::start(&base).await {
                    Ok(started) => IndexState::Ready(
                        SendWrapper::new(Rc::new(started.content)),
                        started.saved_on,
                    ),
                    Err(error) => {
                        IndexState::Failed(words.with_value(|words| failure(words, &error)))
                    }
                });
            });
        }
    };
    // Words typed before the app ran stay in the field: search for them now.
    after_mount(move || {
        if let Some(field) = input.get_untracked() {
            if !field.value().trim().is_empty() {
                query.set(field.value());
                open.set(true);
                start_loading();
            }
        }
    });
    let answer = RwSignal::new(None::<Answer>);
    // Each query as it is typed, answered when its chunks have arrived; an answer to a query
    // the field no longer holds is dropped. A worker that has stopped is told as a failure
    // to start, so that the next keystroke starts a new one.
    Effect::new(move |_| {
        let typed = query.get();
        let IndexState::Ready(worker, _) = index.get() else {
            return;
        };
        if typed.trim().is_empty() {
            return;
        }
        leptos::task::spawn_local(async move {
            let found = worker
                .search(&typed, MAX_RESULTS, &language.with_value(|l| l.tag.clone()))
                .await;
            if let (Err(error), true) = (&found, worker.has_stopped()) {
                index.set(IndexState::Failed(
                    words.with_value(|words| failure(words, error)),
                ));
                return;
            }
            let found =
                found.map_err(|error| words.with_value(|words| query_failure(words, &error)));
            if query.get_untracked() == typed {
                answer.set(Some(Answer {
                    query: typed,
                    found,
                }));
            }
        });
    });
    // The results of the query the field holds; until its answer arrives, the last ones.
    let results = move || answer.get()?.found.ok();
    let answered =
        move || answer.with(|answer| answer.as_ref().map(|a| a.query.clone())) == Some(query.get());
    let status = move || {
        let query = query.get();
        if query.trim().is_empty() {
            return String::new();
        }
        if let IndexState::Failed(reason) = index.get() {
            return reason;
        }
        words.with_value(|words| {
            if !answered() {
                return words.text(Word::Searching);
            }
            let found = match answer.get().map(|answer| answer.found) {
                Some(Err(reason)) => return reason,
                Some(Ok(found)) if found.is_empty() => {
                    words.filled(Word::NoArticlesMatch, &[("query", query.trim())])
                }
                Some(Ok(found)) => {
                    words.count(Word::Results, &language.read_value().tag, found.len())
                }
                None => return words.text(Word::Searching),
            };
            match index.get() {
                IndexState::Ready(_, SavedOn(Some(day))) => words.filled(
                    Word::SearchOffline,
                    &[
                        ("results", found.trim_end_matches('.')),
                        ("date", &words.date(&day).unwrap_or(day.clone())),
                    ],
                ),
                _ => found,
            }
        })
    };
    let links = move || result_links(container);
    let on_keydown = move |event: leptos::ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            query.set(String::new());
            if let Some(field) = input.get_untracked() {
                field.set_value("");
                let _ = field.focus();
            }
        }
        "ArrowDown" | "ArrowUp" => {
            let links = links();
            if links.is_empty() {
                return;
            }
            event.prevent_default();
            let active = document().active_element();
            let at = links
                .iter()
                .position(|link| active.as_ref() == Some(link.unchecked_ref()));
            let next = match (event.key().as_str(), at) {
                ("ArrowDown", None) => Some(0),
                ("ArrowDown", Some(at)) => Some((at + 1).min(links.len() - 1)),
                ("ArrowUp", Some(0)) => None,
                ("ArrowUp", Some(at)) => Some(at - 1),
                _ => None,
            };
            match next {
                Some(next) => {
                    let _ = links[next].focus();
                }
                None => {
                    if let Some(field) = input.get_untracked() {
                        let _ = field.focus();
                    }
                }
            }
        }
        _ => {}
    };
    let result_base = base.clone();
    let list = move || {
        let base = result_base.clone();
        results().map(|found| {
            if found.is_empty() {
                return view! {
                    <p class="site-search-empty">
                        {words.with_value(|words| format!("{} ", words.get(Word::NoMatch)))}
                        <a href=format!(
                            "{base}{}",
                            language.with_value(|language| language.lists.library_path()),
                        )>
                            {words.with_value(|words| words.text(Word::BrowseEveryArticle))}
                        </a>
                    </p>
                }
                .into_any();
            }
            let items = found
                .into_iter()
                .map(|result| {
                    view! { <li>{result_link(&base, result, &language.with_value(|l| l.tag.clone()))}</li> }
                })
                .collect_view();
            view! { <ul>{items}</ul> }.into_any()
        })
    };
    let failed = move || {
        if query.get().trim().is_empty() {
            return None;
        }
        let reason = match (index.get(), answer.get().map(|answer| answer.found)) {
            (IndexState::Failed(reason), _) | (_, Some(Err(reason))) => reason,
            _ => return None,
        };
        Some(view! { <p class="site-search-empty">{reason}</p> })
    };
    view! {
        <search class="site-search">
            <div
                class="site-search-box"
                node_ref=container
                on:keydown=on_keydown
                on:focusin=move |_| open.set(true)
                on:focusout=move |event: leptos::ev::FocusEvent| {
                    let inside = event
                        .related_target()
                        .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                        .zip(container.get_untracked())
                        .is_some_and(|(target, container)| container.contains(Some(&target)));
                    if !inside {
                        open.set(false);
                    }
                }
            >
                <form
                    class="site-search-form"
                    on:submit=move |event: leptos::ev::SubmitEvent| {
                        event.prevent_default();
                        if let Some(first) = links().first() {
                            first.click();
                        }
                    }
                >
                    // On a phone the label is the button that opens the field: its icon shows,
                    // its word stays for assistive technology.
                    <label for=SEARCH_INPUT_ID>
                        <Icon kind=IconKind::Search />
                        <span class="site-search-label">
                            {words.with_value(|words| words.text(Word::Search))}
                        </span>
                    </label>
                    <input
                        id=SEARCH_INPUT_ID
                        type="search"
                        node_ref=input
                        autocomplete="off"
                        aria-controls=SEARCH_RESULTS_ID
                        aria-describedby=SEARCH_STATUS_ID
                        on:focus=move |_| start_loading()
                        on:input=move |event| {
                            start_loading();
                            open.set(true);
                            query.set(event_target_value(&event));
                        }
                    />
                </form>
                <div
                    id=SEARCH_RESULTS_ID
                    class="site-search-results"
                    aria-label=words.with_value(|words| words.text(Word::SearchResults))
                    role="region"
                    aria-busy=move || (!answered()).to_string()
                    hidden=move || !open.get() || query.with(|q| q.trim().is_empty())
                >
                    {list}
                    {failed}
                </div>
                <p id=SEARCH_STATUS_ID class="visually-hidden" role="status">
                    {status}
                </p>
            </div>
        </search>
    }
}

/// A result as a link straight to its section: its title, then its category and section; a
/// result in another language than the page's `language` names it, and says it is in it.
fn result_link(base: &str, result: SearchResult, language: &str) -> impl IntoView {
    let other_language = result
        .language
        .filter(|found| !same_language(&found.tag, language));
    let tag = other_language.as_ref().map(|found| found.tag.clone());
    let hash = result
        .section_id
        .as_ref()
        .map(|id| format!("#{id}"))
        .unwrap_or_default();
    let href = format!("{base}{}{hash}", article_path(&result.slug));
    let place = [
        other_language.map(|found| found.name),
        Some(result.category),
        result.section,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <a href=href lang=tag.clone() hreflang=tag>
            <span class="site-search-title">{result.title}</span>
            <span class="site-search-place">{place}</span>
        </a>
    }
}

/// The result links shown now, in order.
fn result_links(container: NodeRef<Div>) -> Vec<web_sys::HtmlElement> {
    let Some(container) = container.get_untracked() else {
        return Vec::new();
    };
    let Ok(found) = container.query_selector_all(".site-search-results a") else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|at| found.item(at)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// What a reader is told when a query's part of the index cannot be loaded.
fn query_failure(words: &Words, error: &ContentError) -> String {
    match error {
        ContentError::Unavailable { .. } => words.text(Word::SearchNeedsConnection),
        _ => words.text(Word::SearchNotAvailable),
    }
}

/// What a reader is told when the index cannot be loaded.
fn failure(words: &Words, error: &ContentError) -> String {
    match error {
        ContentError::Unavailable { .. } => words.text(Word::SearchNeedsConnectionFirst),
        _ => words.text(Word::SearchNotAvailable),
    }
}
