//! Search off the page's thread. A Web Worker of its own (`src/bin/search_worker.rs`, which
//! Trunk builds and the build names by its content) holds the search index, fetches the
//! chunks each query needs and ranks the results; the page starts it when a reader first
//! focuses the search field. So the page's wasm carries none of the index's decoders, and no
//! query's work delays a keystroke.
//!
//! Both sides are here, with the messages they exchange (JSON text): once the worker says it
//! has started, the page opens the index at the site's base address ([`ToWorker::Open`]),
//! then sends each query; the worker answers the opening, and each query with its results or
//! why there are none.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::contract::SEARCH_WORKER_ATTRIBUTE;
use crate::loading::{fetch_bytes, malformed, Fetched, SavedOn};
use clinic_content::search::{
    Chunk, ChunkId, LoadedChunks, Search, SearchDirectory, SearchResult, SEARCH_DIRECTORY_FILE,
};
use clinic_content::ContentError;

/// What the page asks of the worker.
#[derive(Debug, Serialize, Deserialize)]
enum ToWorker {
    /// Fetch the index's directory from the site at `base` (its path, such as `/clinic/`).
    Open { base: String },
    Search {
        id: u32,
        query: String,
        limit: usize,
    },
}

/// What the worker answers.
#[derive(Debug, Serialize, Deserialize)]
enum FromWorker {
    /// The worker listens: a message sent before this would have been lost while its wasm
    /// was still starting.
    Started,
    /// The index is open: with the day its directory was saved on the device when it came
    /// from that copy.
    Opened(Result<Option<String>, ContentError>),
    Answered {
        id: u32,
        found: Result<Vec<SearchResult>, ContentError>,
    },
}

/// The search worker as the page holds it: stopped when dropped.
pub struct SearchWorker {
    worker: web_sys::Worker,
    waiting: Rc<RefCell<Waiting>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

/// The answers the page is waiting for.
#[derive(Default)]
struct Waiting {
    started: Option<oneshot::Sender<Result<(), ContentError>>>,
    opened: Option<oneshot::Sender<Result<SavedOn, ContentError>>>,
    answers: HashMap<u32, oneshot::Sender<Result<Vec<SearchResult>, ContentError>>>,
    /// Why the worker stopped, once it has: every later query gets it at once.
    stopped: Option<ContentError>,
}

impl Waiting {
    fn deliver(&mut self, message: FromWorker) {
        match message {
            FromWorker::Started => {
                if let Some(waiting) = self.started.take() {
                    let _ = waiting.send(Ok(()));
                }
            }
            FromWorker::Opened(opened) => {
                if let Some(waiting) = self.opened.take() {
                    let _ = waiting.send(opened.map(SavedOn));
                }
            }
            FromWorker::Answered { id, found } => {
                if let Some(waiting) = self.answers.remove(&id) {
                    let _ = waiting.send(found);
                }
            }
        }
    }

    /// The worker failed to start, or stopped: everyone waiting hears why.
    fn stop(&mut self, why: ContentError) {
        if let Some(waiting) = self.started.take() {
            let _ = waiting.send(Err(why.clone()));
        }
        if let Some(waiting) = self.opened.take() {
            let _ = waiting.send(Err(why.clone()));
        }
        for (_, waiting) in self.answers.drain() {
            let _ = waiting.send(Err(why.clone()));
        }
        self.stopped = Some(why);
    }
}

impl SearchWorker {
    /// Starts the worker and opens the index of the site at `base`.
    pub async fn start(base: &str) -> Result<Fetched<SearchWorker>, ContentError> {
        let address = worker_address()?;
        let worker = web_sys::Worker::new(&address)
            .map_err(|_| malformed(&address, "the browser did not start it".into()))?;
        let waiting = Rc::new(RefCell::new(Waiting::default()));
        let (started, starting) = oneshot::channel();
        let (opened, opening) = oneshot::channel();
        *waiting.borrow_mut() = Waiting {
            started: Some(started),
            opened: Some(opened),
            ..Waiting::default()
        };
        let on_message = {
            let waiting = waiting.clone();
            let address = address.clone();
            Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
                let message = event
                    .data()
                    .as_string()
                    .and_then(|text| serde_json::from_str::<FromWorker>(&text).ok());
                let mut waiting = waiting.borrow_mut();
                match message {
                    Some(message) => waiting.deliver(message),
                    None => waiting.stop(malformed(&address, "it answered nonsense".into())),
                }
            })
        };
        let on_error = {
            let waiting = waiting.clone();
            let address = address.clone();
            Closure::<dyn FnMut(_)>::new(move |event: web_sys::Event| {
                // A script that did not arrive is a plain event; one that failed as it ran
                // (its wasm broken, a panic), an ErrorEvent.
                let why = if event.is_instance_of::<web_sys::ErrorEvent>() {
                    malformed(&address, "it stopped".into())
                } else {
                    ContentError::Unavailable {
                        file: address.clone(),
                        reason: "its files did not arrive".into(),
                    }
                };
                waiting.borrow_mut().stop(why);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let search_worker = SearchWorker {
            worker,
            waiting,
            next_id: Cell::new(0),
            _on_message: on_message,
            _on_error: on_error,
        };
        let stopped = || malformed(&address, "it stopped".into());
        starting.await.map_err(|_| stopped())??;
        search_worker.post(&ToWorker::Open { base: base.into() })?;
        let saved_on = opening.await.map_err(|_| stopped())??;
        Ok(Fetched {
            content: search_worker,
            saved_on,
        })
    }

    /// The results of `query`, at most `limit`.
    pub async fn search(
        &self,
        query: &str,
        limit: usize,
    ) -> Result<Vec<SearchResult>, ContentError> {
        if let Some(why) = self.waiting.borrow().stopped.clone() {
            return Err(why);
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let (answer, answered) = oneshot::channel();
        self.waiting.borrow_mut().answers.insert(id, answer);
        self.post(&ToWorker::Search {
            id,
            query: query.into(),
            limit,
        })?;
        answered
            .await
            .map_err(|_| malformed(SEARCH_DIRECTORY_FILE, "the search worker stopped".into()))?
    }

    fn post(&self, message: &ToWorker) -> Result<(), ContentError> {
        let text = serde_json::to_string(message)
            .map_err(|error| malformed(SEARCH_DIRECTORY_FILE, error.to_string()))?;
        self.worker
            .post_message(&JsValue::from_str(&text))
            .map_err(|_| malformed(SEARCH_DIRECTORY_FILE, "the search worker is gone".into()))
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// The worker's script, as the build names it on the script that starts the app.
fn worker_address() -> Result<String, ContentError> {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector(&format!("script[{SEARCH_WORKER_ATTRIBUTE}]"))
                .ok()
                .flatten()
        })
        .and_then(|script| script.get_attribute(SEARCH_WORKER_ATTRIBUTE))
        .ok_or_else(|| {
            malformed(
                SEARCH_WORKER_ATTRIBUTE,
                "the page names no search worker".into(),
            )
        })
}

/// The worker's side: answers the page's messages until the page stops it. Called by the
/// worker's `main`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let index: Rc<RefCell<Option<Rc<SearchIndex>>>> = Rc::default();
    let answers_to = scope.clone();
    let on_message = Closure::<dyn FnMut(_)>::new(move |event: web_sys::MessageEvent| {
        // Only this site's page talks to its worker: anything else is no question.
        let Some(message) = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<ToWorker>(&text).ok())
        else {
            return;
        };
        let (index, scope) = (index.clone(), answers_to.clone());
        let answer = move |message| answer(&scope, message);
        wasm_bindgen_futures::spawn_local(async move {
            match message {
                ToWorker::Open { base } => {
                    let opened = match SearchIndex::fetch(base).await {
                        Ok(opened) => {
                            *index.borrow_mut() = Some(Rc::new(opened.content));
                            Ok(opened.saved_on.0)
                        }
                        Err(error) => Err(error),
                    };
                    answer(FromWorker::Opened(opened));
                }
                ToWorker::Search { id, query, limit } => {
                    let open = index.borrow().clone();
                    let found = match open {
                        Some(open) => open.search(&query, limit).await,
                        None => Err(malformed(SEARCH_DIRECTORY_FILE, "it is not open".into())),
                    };
                    answer(FromWorker::Answered { id, found });
                }
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Answering is all the worker does, for as long as it runs.
    on_message.forget();
    answer(&scope, FromWorker::Started);
}

fn answer(scope: &web_sys::DedicatedWorkerGlobalScope, message: FromWorker) {
    if let Ok(text) = serde_json::to_string(&message) {
        let _ = scope.post_message(&JsValue::from_str(&text));
    }
}

/// The search index as the worker holds it: its directory, and the chunks fetched so far,
/// kept for the next query.
struct SearchIndex {
    /// The site's base path, which every file of the index is under.
    base: String,
    directory: SearchDirectory,
    loaded: RefCell<LoadedChunks>,
}

/// Each query fetches in at most three rounds (terms, postings, details); more means the
/// chunks are not what the directory says.
const SEARCH_ROUNDS: usize = 4;

impl SearchIndex {
    /// Fetches the directory of the search index the build wrote.
    async fn fetch(base: String) -> Result<Fetched<SearchIndex>, ContentError> {
        let (bytes, saved_on) = fetch_bytes(&format!("{base}{SEARCH_DIRECTORY_FILE}")).await?;
        let directory = SearchDirectory::from_bytes(&bytes)
            .map_err(|reason| malformed(SEARCH_DIRECTORY_FILE, reason))?;
        Ok(Fetched {
            content: SearchIndex {
                base,
                directory,
                loaded: RefCell::new(LoadedChunks::default()),
            },
            saved_on,
        })
    }

    /// The results of `query`, at most `limit`, fetching the chunks it needs that earlier
    /// queries did not (all of a round at once).
    async fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchResult>, ContentError> {
        for _ in 0..SEARCH_ROUNDS {
            let needs = match self.directory.search(&self.loaded.borrow(), query, limit) {
                Search::Found(results) => return Ok(results),
                Search::Needs(needs) => needs,
            };
            let fetched =
                futures::future::join_all(needs.iter().map(|id| self.fetch_chunk(*id))).await;
            for (id, chunk) in needs.into_iter().zip(fetched) {
                self.loaded.borrow_mut().insert(id, chunk?);
            }
        }
        Err(malformed(
            SEARCH_DIRECTORY_FILE,
            "its chunks are not the ones it names".into(),
        ))
    }

    async fn fetch_chunk(&self, id: ChunkId) -> Result<Chunk, ContentError> {
        let file = self
            .directory
            .file(id)
            .ok_or_else(|| malformed(SEARCH_DIRECTORY_FILE, format!("it names no chunk {id:?}")))?;
        let (bytes, _) = fetch_bytes(&format!("{}{file}", self.base)).await?;
        self.directory
            .read_chunk(id, &bytes)
            .map_err(|reason| malformed(&file, reason))
    }
}
