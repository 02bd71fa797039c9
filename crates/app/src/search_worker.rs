//! Search off the page's thread. A Web Worker of its own (`src/bin/search_worker.rs`, which
//! Trunk builds and the build names by its content) holds the search index, fetches the
//! chunks each query needs and ranks the results; the page starts it when a reader first
//! focuses the search field. So the page's wasm carries none of the index's decoders, and no
//! query's work delays a keystroke.
//!
//! Both sides are here, with the messages they exchange (JSON text): while the worker starts,
//! the page downloads the index's directory; once the worker says it has started, the page
//! hands it the directory ([`ToWorker::Open`]), then sends each query; the worker answers the
//! opening, and each query with its results or why there are none.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::contract::SEARCH_WORKER_ATTRIBUTE;
use crate::loading::{fetch_bytes, malformed, Fetched};
use clinic_content::search::{
    Chunk, ChunkId, LoadedChunks, Search, SearchDirectory, SearchResult, SEARCH_DIRECTORY_FILE,
};
use clinic_content::ContentError;

/// What the page asks of the worker.
#[derive(Debug, Serialize, Deserialize)]
enum ToWorker {
    /// Read the index's directory, whose bytes come beside this message, and fetch its
    /// chunks from the site at `base` (its path, such as `/clinic/`).
    Open { base: String },
    Search {
        id: u32,
        query: String,
        limit: usize,
        /// The reader's language, whose results come first.
        language: String,
    },
}

/// What the worker answers.
#[derive(Debug, Serialize, Deserialize)]
enum FromWorker {
    /// The worker listens: a message sent before this would have been lost while its wasm
    /// was still starting.
    Started,
    /// The index is open, or why not.
    Opened(Result<(), ContentError>),
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
    opened: Option<oneshot::Sender<Result<(), ContentError>>>,
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
                    let _ = waiting.send(opened);
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
    /// Starts the worker and opens the index of the site at `base`, whose directory
    /// downloads meanwhile; with the day that directory was saved on the device when it came
    /// from that copy.
    pub async fn start(base: &str) -> Result<Fetched<SearchWorker>, ContentError> {
        let address = worker_address()?;
        let worker = web_sys::Worker::new(&address)
            .map_err(|_| malformed(&address, "the browser did not start it".into()))?;
        let (started, starting) = oneshot::channel();
        let (opened, opening) = oneshot::channel();
        let waiting = Rc::new(RefCell::new(Waiting {
            started: Some(started),
            opened: Some(opened),
            ..Waiting::default()
        }));
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
        let directory_file = format!("{base}{SEARCH_DIRECTORY_FILE}");
        let (started, directory) =
            futures::future::join(starting, fetch_bytes(&directory_file)).await;
        started.map_err(|_| stopped())??;
        let (bytes, saved_on) = directory?;
        search_worker.post(&ToWorker::Open { base: base.into() }, Some(&bytes))?;
        opening.await.map_err(|_| stopped())??;
        Ok(Fetched {
            content: search_worker,
            saved_on,
        })
    }

    /// The results of `query`, at most `limit`, those in the reader's `language` first.
    pub async fn search(
        &self,
        query: &str,
        limit: usize,
        language: &str,
    ) -> Result<Vec<SearchResult>, ContentError> {
        if let Some(why) = self.waiting.borrow().stopped.clone() {
            return Err(why);
        }
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        let (answer, answered) = oneshot::channel();
        self.waiting.borrow_mut().answers.insert(id, answer);
        self.post(
            &ToWorker::Search {
                id,
                query: query.into(),
                limit,
                language: language.into(),
            },
            None,
        )?;
        answered
            .await
            .map_err(|_| malformed(SEARCH_DIRECTORY_FILE, "the search worker stopped".into()))?
    }

    /// Whether the worker has stopped (it failed as it ran): it answers no more searches.
    pub fn has_stopped(&self) -> bool {
        self.waiting.borrow().stopped.is_some()
    }

    /// Sends `message`, as its JSON text; with `bytes`, the two in an array.
    fn post(&self, message: &ToWorker, bytes: Option<&[u8]>) -> Result<(), ContentError> {
        let text = JsValue::from_str(
            &serde_json::to_string(message)
                .map_err(|error| malformed(SEARCH_DIRECTORY_FILE, error.to_string()))?,
        );
        let data = match bytes {
            Some(bytes) => js_sys::Array::of2(&text, &js_sys::Uint8Array::from(bytes)).into(),
            None => text,
        };
        self.worker
            .post_message(&data)
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
        let Some((message, bytes)) = read_message(event.data()) else {
            return;
        };
        let (index, scope) = (index.clone(), answers_to.clone());
        let answer = move |message| answer(&scope, message);
        wasm_bindgen_futures::spawn_local(async move {
            match message {
                ToWorker::Open { base } => {
                    let opened = SearchIndex::read(base, &bytes)
                        .map(|opened| *index.borrow_mut() = Some(Rc::new(opened)));
                    answer(FromWorker::Opened(opened));
                }
                ToWorker::Search {
                    id,
                    query,
                    limit,
                    language,
                } => {
                    let open = index.borrow().clone();
                    let found = match open {
                        Some(open) => open.search(&query, limit, &language).await,
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

/// A message from the page: its JSON text, and the bytes beside it (none but the
/// directory's).
fn read_message(data: JsValue) -> Option<(ToWorker, Vec<u8>)> {
    let (text, bytes) = match data.dyn_into::<js_sys::Array>() {
        Ok(parts) => (
            parts.get(0).as_string()?,
            parts.get(1).dyn_into::<js_sys::Uint8Array>().ok()?.to_vec(),
        ),
        Err(data) => (data.as_string()?, Vec::new()),
    };
    Some((serde_json::from_str(&text).ok()?, bytes))
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
    /// The index of the site at `base`, from its directory's bytes.
    fn read(base: String, directory: &[u8]) -> Result<SearchIndex, ContentError> {
        let directory = SearchDirectory::from_bytes(directory)
            .map_err(|reason| malformed(SEARCH_DIRECTORY_FILE, reason))?;
        Ok(SearchIndex {
            base,
            directory,
            loaded: RefCell::new(LoadedChunks::default()),
        })
    }

    /// The results of `query`, at most `limit`, those in `language` first, fetching the
    /// chunks it needs that earlier queries did not (all of a round at once).
    async fn search(
        &self,
        query: &str,
        limit: usize,
        language: &str,
    ) -> Result<Vec<SearchResult>, ContentError> {
        for _ in 0..SEARCH_ROUNDS {
            let needs = match self
                .directory
                .search(&self.loaded.borrow(), query, limit, language)
            {
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
