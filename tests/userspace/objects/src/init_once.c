/*
 * Init-once: an object's state moves UNINITIALIZED -> INITIALIZING ->
 * INITIALIZED once, whoever races for it. Exactly one caller runs the
 * initialiser; the others are refused at once (-EBUSY while it runs,
 * -EALREADY after) and nothing is initialised twice. K_*_DEFINE objects are
 * born initialised.
 */
#include "user_util.h"

#define RACERS 4

static volatile unsigned int init_calls;
static volatile int first_ret[RACERS];
static volatile int second_ret[RACERS];

RESULT static volatile int user_ret[RACERS];

static void before(void *fixture)
{
	ARG_UNUSED(fixture);
	init_calls = 0;
	for (unsigned int i = 0; i < RACERS; i++) {
		first_ret[i] = NOT_REACHED;
		second_ret[i] = NOT_REACHED;
		user_ret[i] = NOT_REACHED;
	}
}

ZTEST_SUITE(obj_init_once, NULL, NULL, before, NULL, NULL);

static int count_init(void *obj, void *arg)
{
	ARG_UNUSED(obj);
	ARG_UNUSED(arg);
	init_calls++;
	return 0;
}

/* Sleeps half-way, so that every other racer arrives while it is in progress. */
static int slow_init(void *obj, void *arg)
{
	ARG_UNUSED(obj);
	ARG_UNUSED(arg);
	init_calls++;
	k_msleep(2);
	return 0;
}

static void racer(void *obj, void *index, void *unused)
{
	ARG_UNUSED(unused);
	int i = ARG_INT(index);

	first_ret[i] = k_object_init_once(obj, K_OBJ_SEM, slow_init, NULL);
	k_msleep(10); /* well after the winner is done */
	second_ret[i] = k_object_init_once(obj, K_OBJ_SEM, slow_init, NULL);
}

ZTEST(obj_init_once, test_supervisor_race_one_winner) {
	void *obj = k_object_alloc(K_OBJ_SEM);
	k_tid_t t[RACERS];

	zassert_not_null(obj);
	/* Equal priorities, below ours: they start in order once we wait. */
	for (int i = 0; i < RACERS; i++) {
		t[i] = pool_create(i, racer, obj, INT_ARG(i), NULL, TEST_PRIO + 1, 0);
		k_thread_start(t[i]);
	}
	for (int i = 0; i < RACERS; i++) {
		zassert_equal(k_thread_join(t[i], K_FOREVER), 0);
	}
	zassert_equal(init_calls, 1);
	zassert_equal(first_ret[0], 0);
	for (int i = 1; i < RACERS; i++) {
		zassert_equal(first_ret[i], -EBUSY, "racer %d got %d", i, first_ret[i]);
	}
	for (int i = 0; i < RACERS; i++) {
		zassert_equal(second_ret[i], -EALREADY, "racer %d got %d", i, second_ret[i]);
	}
	zassert_equal(k_object_init_once(obj, K_OBJ_SEM, count_init, NULL), -EALREADY);
	zassert_equal(init_calls, 1);
	k_object_release(obj);
}

static int failing_init(void *obj, void *arg)
{
	ARG_UNUSED(obj);
	ARG_UNUSED(arg);
	init_calls++;
	return -EIO;
}

ZTEST(obj_init_once, test_failed_init_can_be_retried) {
	void *obj = k_object_alloc(K_OBJ_SEM);

	zassert_not_null(obj);
	zassert_equal(k_object_init_once(obj, K_OBJ_SEM, failing_init, NULL), -EIO);
	zassert_equal(k_object_init_once(obj, K_OBJ_SEM, count_init, NULL), 0);
	zassert_equal(k_object_init_once(obj, K_OBJ_SEM, count_init, NULL), -EALREADY);
	zassert_equal(init_calls, 2);
	k_object_release(obj);
}

/* The initialiser of a semaphore is naturally k_sem_init() itself. */
static int sem_init_one(void *obj, void *arg)
{
	ARG_UNUSED(arg);
	init_calls++;
	return k_sem_init(obj, 1, 1);
}

ZTEST(obj_init_once, test_init_once_with_k_sem_init) {
	static struct k_sem sem;

	int ret = k_object_init_once(&sem, K_OBJ_SEM, sem_init_one, NULL);

	zassert_equal(init_calls, 1);
	zassert_equal(ret, 0, "k_object_init_once returned %d", ret);
	zassert_equal(k_sem_count_get(&sem), 1);
	zassert_equal(k_sem_take(&sem, K_NO_WAIT), 0);
	zassert_equal(k_object_init_once(&sem, K_OBJ_SEM, sem_init_one, NULL), -EALREADY);
	zassert_equal(init_calls, 1);
}

ZTEST(obj_init_once, test_bad_type_refused) {
	static struct k_sem sem;

	zassert_equal(k_object_init_once(&sem, K_OBJ_ANY, count_init, NULL), -EBADF);
	zassert_equal(k_object_init_once(&sem, K_OBJ_LAST, count_init, NULL), -EBADF);
	zassert_equal(init_calls, 0);
}

K_SEM_DEFINE(defined_sem, 2, 4);
K_MUTEX_DEFINE(defined_mutex);

ZTEST(obj_init_once, test_defined_objects_born_initialised) {
	zassert_equal(k_object_init_once(&defined_sem, K_OBJ_SEM, count_init, NULL), -EALREADY);
	zassert_equal(k_object_init_once(&defined_mutex, K_OBJ_MUTEX, count_init, NULL), -EALREADY);
	zassert_equal(init_calls, 0);
	zassert_equal(k_sem_count_get(&defined_sem), 2, "re-initialised");
}

/*
 * User mode: k_sem_init() is not the once-only primitive (k_object_init_once()
 * is). As in Zephyr, it re-initialises an idle semaphore, a K_SEM_DEFINE one
 * included; a caller that meets another initialisation in progress gets -EBUSY.
 */
static void user_sem_init(void *sem, void *index, void *unused)
{
	ARG_UNUSED(unused);
	int ret = k_sem_init(sem, 0, 1);

	user_ret[ARG_INT(index)] = ret;
	if (ret == 0) {
		k_sem_give(sem);
	}
}

ZTEST(obj_init_once, test_user_define_sem_reinit) {
	k_tid_t t = user_create(0, user_sem_init, &defined_sem, INT_ARG(0), NULL, USER_PRIO, 0);

	k_object_access_grant(&defined_sem, t);
	run_to_end(t);
	zassert_equal(user_ret[0], 0);
	zassert_equal(k_sem_count_get(&defined_sem), 1);
}

ZTEST(obj_init_once, test_user_racers_leave_one_state) {
	struct k_sem *sem = k_object_alloc(K_OBJ_SEM);
	k_tid_t t[RACERS];

	zassert_not_null(sem);
	/* All ready at once, at equal priority below ours: they run in turn as we join. */
	for (int i = 0; i < RACERS; i++) {
		t[i] = user_create(i, user_sem_init, sem, INT_ARG(i), NULL, TEST_PRIO + 1, 0);
		k_object_access_grant(sem, t[i]);
	}
	for (int i = 0; i < RACERS; i++) {
		k_thread_start(t[i]);
	}
	for (int i = 0; i < RACERS; i++) {
		zassert_equal(k_thread_join(t[i], K_FOREVER), 0);
		zassert_true(user_ret[i] == 0 || user_ret[i] == -EBUSY, "racer %d got %d", i,
			     user_ret[i]);
	}
	zassert_equal(user_ret[0], 0);
	zassert_equal(k_sem_count_get(sem), 1);
	k_object_release(sem);
}
