//! Converting on every core while writing in input order, with a bounded number of files
//! in flight.
//!
//! The calling thread hands each input to rayon's pool as a task with its own one-result
//! channel, keeps the receivers in input order, and takes results from the oldest one. At
//! most [`WINDOW`] inputs are queued, running or waiting to be written, so memory does not
//! grow with the number of files, and a slow file holds back only that many finished ones.
//!
//! Why this rather than `par_iter` over chunks: a chunk ends when its slowest file does and
//! nothing is written while a chunk is converted, so cores idle at every chunk's end and
//! the first output waits for a whole chunk; here the writer follows the oldest file and
//! the workers never wait for each other. The calling thread does not convert: it only
//! writes, which is cheap next to parsing, and blocks otherwise. Why rayon rather than
//! threads of our own: its pool and its scope (tasks that borrow the inputs) are what a
//! hand-written work queue would redo; the ordering and the window are the part that is
//! ours.

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Inputs in flight at most: enough that a file a hundred times slower than the rest keeps
/// the other cores busy, small enough that the finished results waiting behind it (tens of
/// KB each for a description) stay a few MB.
pub const WINDOW: usize = 128;

/// How long the next result may keep the sink waiting before it is told
/// ([`Sink::waiting`]): longer than a description takes to convert, so that a steady
/// stream of results is not delivered one small write at a time, and shorter than a person
/// or a following pipeline would notice.
const PATIENCE: Duration = Duration::from_millis(5);

/// Where results go, in input order.
pub trait Sink<R> {
    /// The error that stops the run (e.g. standard output closed).
    type Error;

    /// Takes the next result.
    fn accept(&mut self, result: R) -> Result<(), Self::Error>;

    /// Called when the next result is slow to come: the moment to deliver what is buffered.
    fn waiting(&mut self) -> Result<(), Self::Error>;
}

/// Calls `work` on each input on rayon's thread pool and gives the results to `sink` in the
/// order of `inputs`. Stops at the sink's first error, after the inputs already in flight
/// (at most [`WINDOW`]) have finished.
pub fn for_each_ordered<T, R, S>(
    inputs: &[T],
    work: impl Fn(&T) -> R + Sync,
    sink: &mut S,
) -> Result<(), S::Error>
where
    T: Sync,
    R: Send,
    S: Sink<R>,
{
    // `in_place_scope` runs this thread's part here, outside the pool: it must not occupy
    // a worker while it waits for results.
    rayon::in_place_scope(|scope| {
        let work = &work;
        let mut next = inputs.iter();
        let mut pending: VecDeque<Receiver<R>> = VecDeque::with_capacity(WINDOW);
        loop {
            while pending.len() < WINDOW {
                let Some(input) = next.next() else { break };
                let (sender, receiver) = mpsc::sync_channel(1);
                // A closed receiver means the sink stopped: the result is not wanted.
                scope.spawn(move |_| drop(sender.send(work(input))));
                pending.push_back(receiver);
            }
            let Some(oldest) = pending.pop_front() else {
                return Ok(());
            };
            let result = match oldest.recv_timeout(PATIENCE) {
                Ok(result) => result,
                Err(RecvTimeoutError::Timeout) => {
                    sink.waiting()?;
                    oldest
                        .recv()
                        .expect("a conversion task ended without a result")
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("a conversion task ended without a result")
                }
            };
            sink.accept(result)?;
        }
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Collects results; fails once it has `stop_after` of them.
    struct Collect {
        results: Vec<usize>,
        stop_after: usize,
    }

    impl Sink<usize> for Collect {
        type Error = &'static str;

        fn accept(&mut self, result: usize) -> Result<(), Self::Error> {
            self.results.push(result);
            if self.results.len() == self.stop_after {
                return Err("stop");
            }
            Ok(())
        }

        fn waiting(&mut self) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    #[test]
    fn results_come_in_input_order_however_long_each_takes() {
        let inputs: Vec<usize> = (0..1000).collect();
        let mut sink = Collect {
            results: Vec::new(),
            stop_after: usize::MAX,
        };
        let slow_early = |&i: &usize| {
            // Early inputs take longest, so later ones finish first.
            if i < 20 {
                std::thread::sleep(Duration::from_millis(20 - i as u64));
            }
            i * 2
        };
        for_each_ordered(&inputs, slow_early, &mut sink).unwrap();
        let expected: Vec<usize> = inputs.iter().map(|i| i * 2).collect();
        assert_eq!(sink.results, expected);
    }

    #[test]
    fn a_stopping_sink_stops_the_run_within_the_window() {
        let inputs: Vec<usize> = (0..10 * WINDOW).collect();
        let started = AtomicUsize::new(0);
        let mut sink = Collect {
            results: Vec::new(),
            stop_after: 3,
        };
        let result = for_each_ordered(
            &inputs,
            |&i| {
                started.fetch_add(1, Ordering::Relaxed);
                i
            },
            &mut sink,
        );
        assert_eq!(result, Err("stop"));
        assert_eq!(sink.results, [0, 1, 2]);
        // Everything written plus a full window at most was converted.
        assert!(started.into_inner() <= 3 + WINDOW);
    }

    #[test]
    fn in_flight_inputs_never_exceed_the_window() {
        let inputs: Vec<usize> = (0..5 * WINDOW).collect();
        let handed_out = AtomicUsize::new(0);
        let mut written = 0;
        struct Check<'a> {
            handed_out: &'a AtomicUsize,
            written: &'a mut usize,
        }
        impl Sink<()> for Check<'_> {
            type Error = ();
            fn accept(&mut self, (): ()) -> Result<(), ()> {
                *self.written += 1;
                // Started but not yet written, this one included.
                let in_flight = self.handed_out.load(Ordering::SeqCst) - (*self.written - 1);
                assert!(in_flight <= WINDOW, "{in_flight} in flight");
                Ok(())
            }
            fn waiting(&mut self) -> Result<(), ()> {
                Ok(())
            }
        }
        let mut sink = Check {
            handed_out: &handed_out,
            written: &mut written,
        };
        for_each_ordered(
            &inputs,
            |_| {
                handed_out.fetch_add(1, Ordering::SeqCst);
            },
            &mut sink,
        )
        .unwrap();
        assert_eq!(written, inputs.len());
    }
}
