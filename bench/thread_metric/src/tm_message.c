/*
 * Message processing: one thread (priority 10) sends a 16-byte message (four
 * words) to the queue and receives it back, round after round. The last word
 * received must equal the last word sent, else the thread stops; it then
 * increments that word of the message it sends and counts. The total is the
 * count.
 */
#include "tm_api.h"

TM_DATA static unsigned long counter;
TM_DATA static unsigned long sent[4];
TM_DATA static unsigned long received[4];

static void thread_0(void)
{
	const uint32_t rounds = tm_iterations;

	sent[0] = 0x11112222;
	sent[1] = 0x33334444;
	sent[2] = 0x55556666;
	sent[3] = 0x77778888;
	do {
		tm_queue_send(0, sent);
		tm_queue_receive(0, received);
		if (received[3] != sent[3]) {
			return;
		}
		sent[3]++;
		counter++;
	} while (counter != rounds);
}

static void initialize(void)
{
	counter = 0;
	received[3] = 0;
	tm_init_check(tm_thread_create(0, 10, thread_0), "thread 0");
	tm_init_check(tm_queue_create(0), "queue");
	tm_init_check(tm_thread_grant_queue(0, 0), "grant");
	tm_init_check(tm_thread_resume(0), "resume 0");
}

static uint32_t total(void)
{
	return counter;
}

static bool valid(void)
{
	return counter == tm_iterations;
}

const struct tm_test tm_message_test = {
	.name = "message",
	.rounds = 4000,
	.initialize = initialize,
	.total = total,
	.valid = valid,
};
